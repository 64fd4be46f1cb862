// Sample titles used by the benchmarks, the tests and the sample PNGs.
export const SHORT_KO = '푸틴 김정은 북·러 침략시 상호지원 협정에 동의'
// 90 characters.
export const LONG_KO =
  '정부, 내년부터는 무주택 청년 주거 지원 대폭 확대…월세 최대 20만원 지원하고 전세대출 금리도 1%포인트 인하, 수도권 공공임대 5만 가구 추가 공급하기로 확정'
export const JA = '日本銀行が追加利上げを決定、政策金利は0.75%に　円相場は一時1ドル140円台まで上昇'
export const EN =
  'Putin and Kim Jong Un agree to mutual defense pact if either is attacked, deepening military ties'

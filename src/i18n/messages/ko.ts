import type { Messages } from '../catalog'

export const ko: Messages = {
  languageName: '한국어',
  skipToContent: '본문 바로가기',
  tableOfContents: '목차',
  published: '입력',
  updated: '수정',
  readingTime: { other: '{n}분 읽기' },
  categories: '분류',
  tags: '태그',
  home: '홈',
  otherLanguages: '다른 언어',
  errors: {
    SLUG_INVALID: { title: '잘못된 주소입니다', body: '주소에 쓸 수 없는 문자가 있습니다. 주소를 확인해 주세요.' },
    UNAUTHORIZED: { title: '권한이 없습니다', body: '이 요청에는 올바른 발행자 토큰이 필요합니다.' },
    REQUEST_INVALID: { title: '잘못된 요청입니다', body: '요청 본문이 이 주소가 받는 형식이 아닙니다.' },
    ARTICLE_NOT_FOUND: { title: '기사를 찾을 수 없습니다', body: '주소가 바뀌었거나 삭제된 기사입니다.' },
    SOURCE_INVALID: { title: '기사를 표시할 수 없습니다', body: '이 기사의 원본에 오류가 있어 지금은 보여 드릴 수 없습니다. 다른 기사는 정상적으로 볼 수 있습니다.' },
    STORAGE_UNAVAILABLE: { title: '잠시 후 다시 시도해 주세요', body: '기사 저장소에 일시적으로 연결할 수 없습니다.' },
    INTERNAL: { title: '문제가 발생했습니다', body: '일시적인 오류입니다. 잠시 후 다시 시도해 주세요.' },
  },
  detailsForPublisher: '게시자용 정보',
}

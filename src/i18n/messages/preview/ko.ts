import type { PreviewMessages } from '../../catalog'

export const koPreview: PreviewMessages = {
  title: '링크 미리보기 점검: {name}',
  intro: '크롤러가 읽는 태그 그대로 각 서비스의 카드를 그렸습니다. 원본 주소:',
  noIssues: '문제 없음',
  error: '문제',
  warning: '주의',
  note: '참고',
  ok: '양호',
  verdict: '판정',
  page: '브라우저에서 이 페이지',
  cards: '카드',
  layouts:
    '카드 모양은 {date} 기준 각 서비스의 배치를 따랐습니다. 서비스가 예고 없이 바꿀 수 있습니다.',
  rawTags: '크롤러가 읽는 태그',
  noImage: '이미지 없음',
  noDescription: 'X는 큰 카드에 설명을 표시하지 않습니다',
  devLink: '링크 미리보기 점검',
  devFailed: '{file}의 마지막 저장은 게시되지 않았습니다:',
  devNotServed: '파일을 고치기 전까지 이 주소에는 아무것도 게시되지 않습니다.',
  devOlder: '독자에게는 이전 버전이 계속 보입니다.',
  checks: {
    TITLE_MISSING: 'og:title이 없습니다. 서비스가 페이지 <title>을 쓰거나 주소만 보여 줍니다.',
    TITLE_LONG: '제목이 {length}자입니다. LinkedIn(과 X의 작은 카드)은 70자까지만 보여 줍니다.',
    TITLE_BYTES_DISCORD:
      '제목이 UTF-8로 {bytes}바이트입니다. Discord는 약 67바이트(한글 약 22자)에서 자릅니다.',
    DESCRIPTION_MISSING: 'og:description이 없어 미리보기에 요약이 없습니다(`excerpt`를 쓰세요).',
    DESCRIPTION_BYTES_DISCORD:
      '설명이 UTF-8로 {bytes}바이트입니다. Discord는 약 347바이트에서 자릅니다.',
    IMAGE_MISSING:
      'og:image가 없어 미리보기에 글자만 나옵니다(머리말에 `image`를 쓰거나 본문에 이미지를 넣으세요).',
    IMAGE_NOT_ABSOLUTE: 'og:image가 절대 주소가 아닙니다: {url}',
    IMAGE_UNREACHABLE:
      'og:image가 크롤러가 접근할 수 없는 {host}에 있습니다(BASE_URL을 설정하거나 이미지 절대 주소를 쓰세요).',
    IMAGE_NOT_HTTPS: 'og:image가 https가 아닙니다.',
    IMAGE_RELATIVE:
      '이미지가 상대 주소({written})로 적혀 있어 크롤러는 {url}을 받습니다. 페이지가 어디서 제공되든 같도록 절대 주소를 쓰세요.',
    IMAGE_NO_SIZE:
      'og:image에 너비·높이가 없어 처음 공유할 때 이미지가 빠질 수 있습니다. 온라인이면 content:push가 재서 넣고, 아니면 image.width와 image.height를 쓰세요.',
    IMAGE_TOO_SMALL_FACEBOOK:
      '이미지가 {width}×{height}입니다. Facebook은 최소 200×200이 필요합니다.',
    IMAGE_SMALL_FACEBOOK:
      '이미지가 {width}×{height}입니다. 600×315보다 작으면 Facebook은 작은 정사각형으로 보여 줍니다.',
    IMAGE_TOO_SMALL_X: '이미지가 {width}×{height}입니다. X의 큰 카드는 최소 300×157이 필요합니다.',
    IMAGE_UNDER_RECOMMENDED: '이미지가 {width}×{height}입니다. 1200×630을 권장합니다.',
    IMAGE_KAKAO_CROP: '이미지가 {width}×{height}입니다. 카카오톡은 800×400으로 잘라 보여 줍니다.',
    IMAGE_SVG: 'SVG 이미지는 미리보기에 나오지 않습니다.',
    IMAGE_WEBP: '카카오톡은 WebP 이미지를 보여 주지 못한다는 보고가 있습니다.',
    IMAGE_NO_ALT:
      '대표 이미지에 대체 텍스트가 없습니다. 페이지에는 alt=""로 나가고 og:image:alt는 제목으로 대신합니다(image.alt를 쓰세요).',
    CARD_NOT_LARGE: 'twitter:card가 summary_large_image가 아니어서 이미지가 작게 나옵니다.',
    URL_MISSING: 'og:url이 없습니다.',
    IMAGE_HOST_BLOCKED:
      '이미지 {url}은 페이지의 콘텐츠 보안 정책(img-src)에 막혀 독자에게 빈 상자로 보입니다. wrangler.toml의 IMAGE_HOSTS에 {origin}을 더하거나 허용된 곳에 이미지를 두세요.',
  },
}

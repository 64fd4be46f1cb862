import type { Messages } from '../catalog'
import { koPreview } from './preview/ko'

export const ko: Messages = {
  languageName: '한국어',
  skipToContent: '본문 바로가기',
  tableOfContents: '목차',
  published: '입력',
  updated: '수정',
  correction: '정정',
  readingTime: { other: '{n}분 읽기' },
  tags: '태그',
  home: '홈',
  otherLanguages: '다른 언어',
  categoryTitle: '분류: {name}',
  tagTitle: '태그: {name}',
  authorArticles: '{name}의 기사',
  authorEmail: '이메일',
  pageOf: '{pages}쪽 중 {page}쪽',
  previousPage: '이전',
  nextPage: '다음',
  pagination: '쪽 이동',
  noArticles: '아직 기사가 없습니다.',
  front: {
    sections: '섹션',
    top: '주요 기사',
    more: '{section} 더 보기',
    bySection: '섹션별 기사',
  },
  feed: 'Atom 피드',
  search: {
    label: '검색',
    button: '검색',
    title: '검색',
    resultsFor: '“{q}” 검색 결과',
    none: '“{q}”에 대한 검색 결과가 없습니다.',
    newest: '최신순',
    best: '정확도순',
    prompt: '기사 검색',
  },
  reader: {
    related: '관련 기사',
    moreFrom: '{section} 기사 더 보기',
    previousArticle: '이전 기사',
    nextArticle: '다음 기사',
    readIn: '다른 언어로 읽기',
    latest: '최신 기사',
    photo: '사진',
    site: '사이트 안내',
  },
  preview: koPreview,
  errors: {
    SLUG_INVALID: {
      title: '잘못된 주소입니다',
      body: '주소에 쓸 수 없는 문자가 있습니다. 주소를 확인해 주세요.',
    },
    UNAUTHORIZED: {
      title: '권한이 없습니다',
      body: '이 요청에는 올바른 발행자 토큰이 필요합니다.',
    },
    REQUEST_INVALID: {
      title: '잘못된 요청입니다',
      body: '요청 본문이 이 주소가 받는 형식이 아닙니다.',
    },
    SOURCE_TOO_LARGE: { title: '원본이 너무 큽니다', body: '기사 원본이 허용 크기를 넘었습니다.' },
    SOURCE_REJECTED: {
      title: '원본을 받을 수 없습니다',
      body: '기사 원본에 오류가 있어 아무것도 바꾸지 않았습니다.',
    },
    TOO_MANY_ATTEMPTS: {
      title: '시도가 너무 많습니다',
      body: '실패한 시도가 너무 많습니다. 1분 후 다시 시도해 주세요.',
    },
    NOT_FOUND: {
      title: '페이지를 찾을 수 없습니다',
      body: '이 주소에는 아무것도 없습니다. 홈에서 찾아보세요.',
    },
    FORMAT_NOT_IMPLEMENTED: {
      title: '지원하지 않는 형식입니다',
      body: '이 주소는 JSON으로만 응답합니다.',
    },
    ARTICLE_NOT_FOUND: {
      title: '기사를 찾을 수 없습니다',
      body: '주소가 바뀌었거나 삭제된 기사입니다.',
    },
    SOURCE_INVALID: {
      title: '기사를 표시할 수 없습니다',
      body: '이 기사의 원본에 오류가 있어 지금은 보여 드릴 수 없습니다. 다른 기사는 정상적으로 볼 수 있습니다.',
    },
    STORAGE_UNAVAILABLE: {
      title: '잠시 후 다시 시도해 주세요',
      body: '기사 저장소에 일시적으로 연결할 수 없습니다.',
    },
    SHARE_IMAGE_UNAVAILABLE: {
      title: '잠시 후 다시 시도해 주세요',
      body: '공유 이미지를 지금은 만들 수 없습니다.',
    },
    INTERNAL: {
      title: '문제가 발생했습니다',
      body: '일시적인 오류입니다. 잠시 후 다시 시도해 주세요.',
    },
  },
}

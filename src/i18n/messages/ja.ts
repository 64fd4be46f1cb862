import type { Messages } from '../catalog'

export const ja: Messages = {
  languageName: '日本語',
  skipToContent: '本文へ移動',
  tableOfContents: '目次',
  published: '公開',
  updated: '更新',
  readingTime: { other: '{n}分で読めます' },
  categories: 'カテゴリー',
  tags: 'タグ',
  home: 'ホーム',
  otherLanguages: '他の言語',
  errors: {
    SLUG_INVALID: { title: '無効なアドレスです', body: 'アドレスに使用できない文字が含まれています。ご確認ください。' },
    UNAUTHORIZED: { title: '権限がありません', body: 'このリクエストには有効な発行者トークンが必要です。' },
    REQUEST_INVALID: { title: '無効なリクエストです', body: 'リクエスト本文がこのエンドポイントの形式ではありません。' },
    ARTICLE_NOT_FOUND: { title: '記事が見つかりません', body: '記事は移動または削除された可能性があります。' },
    SOURCE_INVALID: { title: 'この記事は表示できません', body: '記事の原稿にエラーがあるため、現在表示できません。他の記事には影響ありません。' },
    STORAGE_UNAVAILABLE: { title: 'しばらくしてから再度お試しください', body: '記事の保存先に一時的に接続できません。' },
    INTERNAL: { title: '問題が発生しました', body: '予期しないエラーが発生しました。しばらくしてから再度お試しください。' },
  },
  detailsForPublisher: '発行者向けの情報',
}

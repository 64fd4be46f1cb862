import type { Messages } from '../catalog'
import { jaPreview } from './preview/ja'

export const ja: Messages = {
  languageName: '日本語',
  skipToContent: '本文へ移動',
  tableOfContents: '目次',
  published: '公開',
  updated: '更新',
  correction: '訂正',
  readingTime: { other: '{n}分で読めます' },
  tags: 'タグ',
  home: 'ホーム',
  otherLanguages: '他の言語',
  categoryTitle: 'カテゴリー: {name}',
  tagTitle: 'タグ: {name}',
  authorArticles: '{name}の記事',
  authorEmail: 'メール',
  pageOf: '{pages}ページ中{page}ページ目',
  previousPage: '前へ',
  nextPage: '次へ',
  pagination: 'ページ移動',
  noArticles: 'まだ記事がありません。',
  front: {
    sections: 'セクション',
    top: 'トップ記事',
    more: '{section}をもっと見る',
    bySection: 'セクション別',
  },
  feed: 'Atomフィード',
  search: {
    label: '検索',
    button: '検索',
    title: '検索',
    resultsFor: '「{q}」の検索結果',
    none: '「{q}」に一致する記事はありません。',
    newest: '新しい順',
    best: '関連度順',
    prompt: '記事を検索',
  },
  reader: {
    related: '関連記事',
    moreFrom: '{section}の記事をもっと読む',
    previousArticle: '前の記事',
    nextArticle: '次の記事',
    readIn: '他の言語で読む',
    latest: '最新記事',
    photo: '写真',
    site: 'サイト案内',
  },
  preview: jaPreview,
  errors: {
    SLUG_INVALID: {
      title: '無効なアドレスです',
      body: 'アドレスに使用できない文字が含まれています。ご確認ください。',
    },
    UNAUTHORIZED: {
      title: '権限がありません',
      body: 'このリクエストには有効な発行者トークンが必要です。',
    },
    REQUEST_INVALID: {
      title: '無効なリクエストです',
      body: 'リクエスト本文がこのエンドポイントの形式ではありません。',
    },
    SOURCE_TOO_LARGE: {
      title: 'ソースが大きすぎます',
      body: '記事のソースがサイズ上限を超えています。',
    },
    SOURCE_REJECTED: {
      title: 'ソースを受け付けられません',
      body: '記事のソースに誤りがあるため、何も変更していません。',
    },
    TOO_MANY_ATTEMPTS: {
      title: '試行回数が多すぎます',
      body: '失敗した試行が多すぎます。1分後にもう一度お試しください。',
    },
    NOT_FOUND: {
      title: 'ページが見つかりません',
      body: 'このアドレスには何もありません。ホームからお探しください。',
    },
    FORMAT_NOT_IMPLEMENTED: {
      title: 'この形式には対応していません',
      body: 'このアドレスはJSONでのみ応答します。',
    },
    ARTICLE_NOT_FOUND: {
      title: '記事が見つかりません',
      body: '記事は移動または削除された可能性があります。',
    },
    SOURCE_INVALID: {
      title: 'この記事は表示できません',
      body: '記事の原稿にエラーがあるため、現在表示できません。他の記事には影響ありません。',
    },
    STORAGE_UNAVAILABLE: {
      title: 'しばらくしてから再度お試しください',
      body: '記事の保存先に一時的に接続できません。',
    },
    SHARE_IMAGE_UNAVAILABLE: {
      title: 'しばらくしてから再度お試しください',
      body: '共有画像を現在作成できません。',
    },
    INTERNAL: {
      title: '問題が発生しました',
      body: '予期しないエラーが発生しました。しばらくしてから再度お試しください。',
    },
  },
}

import type { PreviewMessages } from '../../catalog'

export const jaPreview: PreviewMessages = {
  title: 'リンクプレビュー点検: {name}',
  intro: 'クローラーが読むタグそのままで各サービスのカードを描いています。元のページ:',
  noIssues: '問題なし',
  error: '問題',
  warning: '注意',
  note: '参考',
  ok: '良好',
  verdict: '判定',
  page: 'ブラウザーでのこのページ',
  cards: 'カード',
  layouts:
    'カードの形は{date}時点の各サービスの配置に従っています。サービス側で予告なく変わることがあります。',
  rawTags: 'クローラーが読むタグ',
  noImage: '画像なし',
  noDescription: 'X は大きなカードに説明文を表示しません',
  devLink: 'リンクプレビュー点検',
  devFailed: '{file} の最後の保存は公開されませんでした:',
  devNotServed: 'ファイルを直すまで、このアドレスには何も公開されません。',
  devOlder: '読者には前のバージョンが表示され続けます。',
  checks: {
    TITLE_MISSING: 'og:title がありません。ページの <title> か URL だけが表示されます。',
    TITLE_LONG:
      'タイトルが{length}文字です。LinkedIn(と X の小さなカード)は70文字までしか表示しません。',
    TITLE_BYTES_DISCORD:
      'タイトルが UTF-8 で{bytes}バイトです。Discord は約67バイト(日本語で約22文字)で切ります。',
    DESCRIPTION_MISSING:
      'og:description がなく、プレビューに要約が出ません(`excerpt` を書いてください)。',
    DESCRIPTION_BYTES_DISCORD:
      '説明が UTF-8 で{bytes}バイトです。Discord は約347バイトで切ります。',
    IMAGE_MISSING:
      'og:image がなく、プレビューは文字だけです(フロントマターに `image` を書くか、本文に画像を入れてください)。',
    IMAGE_NOT_ABSOLUTE: 'og:image が絶対 URL ではありません: {url}',
    IMAGE_UNREACHABLE:
      'og:image がクローラーの届かない {host} にあります(BASE_URL を設定するか、画像の絶対 URL を使ってください)。',
    IMAGE_NOT_HTTPS: 'og:image が https ではありません。',
    IMAGE_RELATIVE:
      '画像が相対 URL ({written}) で書かれており、クローラーは {url} を取得します。配信場所に左右されないよう絶対 URL を書いてください。',
    IMAGE_NO_SIZE:
      'og:image に幅と高さがなく、最初の共有で画像が出ないことがあります。オンラインなら content:push が測ります。または image.width と image.height を書いてください。',
    IMAGE_TOO_SMALL_FACEBOOK: '画像が{width}×{height}です。Facebook には200×200以上が必要です。',
    IMAGE_SMALL_FACEBOOK:
      '画像が{width}×{height}です。600×315未満だと Facebook は小さな正方形で表示します。',
    IMAGE_TOO_SMALL_X: '画像が{width}×{height}です。X の大きなカードには300×157以上が必要です。',
    IMAGE_UNDER_RECOMMENDED: '画像が{width}×{height}です。1200×630を推奨します。',
    IMAGE_KAKAO_CROP: '画像が{width}×{height}です。カカオトークは800×400に切り抜きます。',
    IMAGE_SVG: 'SVG 画像はプレビューに表示されません。',
    IMAGE_WEBP: 'カカオトークは WebP 画像を表示できないという報告があります。',
    IMAGE_NO_ALT:
      'メイン画像に代替テキストがありません。ページでは alt="" になり、og:image:alt はタイトルで代用されます(image.alt を書いてください)。',
    CARD_NOT_LARGE: 'twitter:card が summary_large_image ではないため、画像が小さく表示されます。',
    URL_MISSING: 'og:url がありません。',
    IMAGE_HOST_BLOCKED:
      '画像 {url} はページのコンテンツセキュリティポリシー(img-src)でブロックされ、読者には空の枠が見えます。wrangler.toml の IMAGE_HOSTS に {origin} を加えるか、許可されたホストに画像を置いてください。',
  },
}

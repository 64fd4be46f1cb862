/**
 * The whole stylesheet, inlined: one request per page, readable without JavaScript.
 * System fonts that carry Hangul and kana well; Korean keeps its words whole (`keep-all`).
 */
import { previewStyles } from './preview-styles'

export const styles = `
:root{color-scheme:light dark;--fg:#1b1d21;--muted:#5b616b;--bg:#fff;--line:#e3e5e8;--accent:#1a5490;--code:#f4f5f7;--error:#b71c1c;--warn:#8a4b00;
--sans:-apple-system,BlinkMacSystemFont,"Apple SD Gothic Neo","Pretendard","Noto Sans KR","Malgun Gothic","맑은 고딕","Hiragino Sans","Noto Sans JP","Yu Gothic UI",system-ui,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--muted:#a3a9b3;--bg:#16181c;--line:#30343a;--accent:#8ab8ff;--code:#23262c;--error:#ff8a80;--warn:#ffb74d}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.75 var(--sans);overflow-wrap:break-word}
:lang(ko){word-break:keep-all;overflow-wrap:anywhere}
:lang(ja),:lang(zh){line-break:strict}
a{color:var(--accent)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
.site{max-width:46rem;margin:0 auto;padding:1rem 1.25rem;display:flex;gap:1rem;align-items:center;justify-content:space-between;border-bottom:1px solid var(--line)}
.site a{color:var(--fg);font-weight:700;text-decoration:none}
.site nav{display:flex;gap:.75rem;font-size:.9rem}.site nav a{font-weight:400;color:var(--muted)}.site nav [aria-current]{color:var(--fg);font-weight:600}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
.languages ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0 0 1rem;font-size:.9rem}
.languages [aria-current]{font-weight:600}
.kicker{margin:0 0 .5rem;font-size:.875rem;font-weight:600;color:var(--accent);text-transform:uppercase;letter-spacing:.02em}
.kicker a{text-decoration:none}
h1{font-size:clamp(1.6rem,4.5vw,2.25rem);line-height:1.3;margin:0 0 .75rem;letter-spacing:-.01em}
.byline{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 1.5rem;color:var(--muted);font-size:.9rem}
.hero{margin:0 0 1.75rem}.hero img{display:block;width:100%;height:auto;border-radius:.5rem;background:var(--code)}
.toc{margin:0 0 2rem;padding:1rem 1.25rem;border:1px solid var(--line);border-radius:.5rem;font-size:.95rem}
.toc h2{font-size:.95rem;margin:0 0 .5rem}.toc ol{margin:0;padding-left:1.25rem}.toc .l3{margin-left:1rem}
.body h2{font-size:1.45rem;line-height:1.4;margin:2.25rem 0 .75rem}
.body h3{font-size:1.2rem;line-height:1.45;margin:1.75rem 0 .5rem}
.body h4,.body h5,.body h6{font-size:1.05rem;margin:1.5rem 0 .5rem}
.body p{margin:0 0 1.15rem}
.body img{max-width:100%;height:auto;border-radius:.375rem}
.body figure{margin:1.5rem 0}.body figcaption{color:var(--muted);font-size:.875rem;margin-top:.4rem}
.body blockquote{margin:1.5rem 0;padding:.25rem 0 .25rem 1rem;border-left:3px solid var(--accent);color:var(--muted)}
.body pre{overflow-x:auto;padding:1rem;background:var(--code);border-radius:.375rem;font-size:.9rem;line-height:1.5}
.body code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.body table{display:block;overflow-x:auto;border-collapse:collapse;margin:1.5rem 0;font-size:.95rem}
.body th,.body td{border:1px solid var(--line);padding:.4rem .7rem;text-align:left}
.body :target{scroll-margin-top:1rem}
.listing-title{font-size:1.6rem;margin:0 0 1.5rem}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:1.5rem}
.card{display:grid;grid-template-columns:1fr;gap:.75rem;padding-bottom:1.5rem;border-bottom:1px solid var(--line)}
.card img{width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;border-radius:.375rem;background:var(--code)}
@media (min-width:40rem){.card.with-image{grid-template-columns:12rem 1fr}.card img{width:12rem}}
.card h2{font-size:1.2rem;line-height:1.4;margin:0 0 .25rem}.card h2 a{color:var(--fg);text-decoration:none}.card h2 a:hover{text-decoration:underline}
.card .date{margin:0 0 .25rem;color:var(--muted);font-size:.85rem}.card .excerpt{margin:0;color:var(--muted);font-size:.95rem}
.pagination{display:flex;justify-content:space-between;align-items:center;margin:2rem 0 0}
.pagination a{padding:.5rem .75rem;border:1px solid var(--line);border-radius:.375rem;text-decoration:none}
.feed-link{margin-top:2rem;font-size:.9rem}
.search{display:flex;gap:.5rem;margin:0 0 1.5rem}.search input{flex:1;min-width:0;font:inherit;padding:.45rem .7rem;border:1px solid var(--line);border-radius:.375rem;background:var(--bg);color:var(--fg)}
.search button{font:inherit;padding:.45rem 1rem;border:1px solid var(--accent);border-radius:.375rem;background:var(--accent);color:var(--bg)}.search-order{font-size:.9rem;color:var(--muted)}
${previewStyles}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:2.5rem 0 0}
.tags li{border:1px solid var(--line);border-radius:999px;padding:.1rem .75rem;font-size:.85rem;color:var(--muted)}.tags a{color:inherit;text-decoration:none}
.error{text-align:center;padding:4rem 0}.error code{display:block;margin-top:2rem;font-size:.8rem;color:var(--muted);white-space:pre-wrap}
@media (prefers-color-scheme:dark){.body [style*="color"]{color:inherit!important;background-color:transparent!important}}
@media print{.site nav,.skip,.toc{display:none}body{font-size:11pt;color:#000;background:#fff}main{max-width:none;padding:0}
a{color:inherit}.body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;word-break:break-all}h2,h3{break-after:avoid}img{break-inside:avoid}}
`.replace(/\n/g, '')

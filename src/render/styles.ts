/**
 * The whole stylesheet, inlined: one request per page, readable without JavaScript.
 *
 * Type: the installed CJK families first (Noto Sans CJK is what Linux and Android have; Apple SD
 * Gothic Neo, Malgun Gothic, Hiragino and Yu Gothic the others), then the system UI font. Korean keeps
 * its words whole (`keep-all`), Japanese breaks strictly, titles balance their lines.
 *
 * Pictures sit in a `.media` frame that never widens the page; a picture that fails (missing, offline,
 * blocked by the CSP) draws its `::before`/`::after`, which browsers render only for a broken image:
 * a frame of the right shape with a quiet mark, never an icon with spilled alt text.
 */
const PLACEHOLDER_MARK =
  "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%23868e96' stroke-width='1.5'%3E%3Crect x='3' y='5' width='18' height='14' rx='2'/%3E%3Ccircle cx='9' cy='10' r='1.5'/%3E%3Cpath d='m4 17 5-5 4 4 3-3 4 4'/%3E%3C/svg%3E\")"

export const styles = `
:root{color-scheme:light dark;--fg:#16181d;--fg2:#3d434c;--muted:#5b616b;--bg:#fff;--soft:#f3f4f6;--line:#e3e5e8;--accent:#0b57a4;--link:#0b57a4;--code:#f4f5f7;--error:#b71c1c;--warn:#8a4b00;
--sans:"Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic","맑은 고딕",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
:lang(ja){--sans:"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI","Yu Gothic",Meiryo,system-ui,sans-serif}
:lang(en){--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Noto Sans CJK KR",sans-serif}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--fg2:#c9ced6;--muted:#a3a9b3;--bg:#121418;--soft:#1d2026;--line:#30343a;--accent:#8ab8ff;--link:#8ab8ff;--code:#23262c;--error:#ff8a80;--warn:#ffb74d}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.8 var(--sans);overflow-wrap:break-word;display:flex;flex-direction:column;min-height:100vh}
:lang(ko){word-break:keep-all;overflow-wrap:anywhere}
:lang(ja),:lang(zh){line-break:strict}
a{color:var(--link)}
h1,h2,h3{text-wrap:balance}
p,li{text-wrap:pretty}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:1}
.bar{max-width:76rem;margin:0 auto;padding:.85rem 1.25rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
header.site{border-bottom:1px solid var(--line)}
.brand{margin:0;color:var(--fg);font-weight:800;font-size:1.25rem;line-height:1.3;letter-spacing:-.02em;text-decoration:none}
.masthead{display:grid;grid-template-columns:1fr auto;grid-template-areas:"brand langs" "search search";padding-bottom:.6rem}
.masthead .brand{grid-area:brand}.masthead .langs{grid-area:langs}.site-search{grid-area:search}
@media (min-width:48rem){.masthead{grid-template-columns:auto 1fr auto;grid-template-areas:"brand search langs";padding:1.1rem 1.25rem}.brand{font-size:1.6rem}.site-search{justify-self:end;width:min(100%,20rem)}}
.site-search{display:flex;min-width:0;border:1px solid var(--line);border-radius:999px;overflow:hidden;background:var(--bg)}
.site-search input{flex:1;min-width:0;font:inherit;font-size:.9rem;padding:.35rem .9rem;border:0;background:transparent;color:var(--fg)}
.site-search button{font:inherit;font-size:.85rem;font-weight:700;padding:.35rem .9rem;border:0;border-left:1px solid var(--line);background:var(--soft);color:var(--fg)}
.sections{border-top:1px solid var(--line)}
.sections ul{list-style:none;margin:0 auto;padding-block:0;flex-wrap:nowrap;justify-content:flex-start;gap:0;overflow-x:auto;scrollbar-width:thin;white-space:nowrap}
.sections li{flex:none}.sections a{display:block;padding:.6rem .85rem;color:var(--fg);font-weight:700;font-size:.95rem;text-decoration:none;border-bottom:3px solid transparent}
.sections li:first-child a{padding-left:0}.sections a:hover{color:var(--accent)}.sections a[aria-current]{border-bottom-color:var(--accent);color:var(--accent)}
.langs{display:flex;gap:.85rem;font-size:.9rem}.langs a{color:var(--muted);text-decoration:none}.langs a:hover{text-decoration:underline}.langs [aria-current]{color:var(--fg);font-weight:700}
main{flex:1;width:100%;max-width:46rem;margin:0 auto;padding:1.75rem 1.25rem 3.5rem}main.wide{max-width:76rem;padding-top:1.25rem}
footer.site{border-top:1px solid var(--line);background:var(--soft);font-size:.9rem}
footer.site nav{display:flex;flex-wrap:wrap;gap:.4rem 1.1rem}footer.site nav a{color:var(--muted)}
.kicker{margin:0 0 .4rem;font-size:.85rem;font-weight:700;color:var(--accent);letter-spacing:.02em}
.kicker a{color:inherit;text-decoration:none}
h1{font-size:clamp(1.65rem,5vw,2.3rem);line-height:1.3;margin:0 0 .8rem;letter-spacing:-.015em}
.standfirst{margin:0 0 1.1rem;font-size:1.13rem;line-height:1.7;color:var(--fg2);font-weight:500}
.byline{display:flex;flex-wrap:wrap;gap:.2rem .9rem;margin:0 0 1.5rem;padding:0 0 1rem;border-bottom:1px solid var(--line);color:var(--muted);font-size:.875rem;line-height:1.6}
.byline .authors{color:var(--fg);font-weight:700}.byline .authors a{color:inherit}
.media{position:relative;max-width:100%;overflow:hidden;border-radius:.5rem;background:var(--soft)}
.media img{display:block;position:relative;width:100%;max-width:100%;height:auto;aspect-ratio:auto 16/9;color:transparent;font-size:0}
.media.fixed img,.media[style] img{position:absolute;inset:0;height:100%;object-fit:cover}
.media img::after,.body img::after{content:"";position:absolute;inset:0;background:var(--soft) ${PLACEHOLDER_MARK} center/2.5rem no-repeat}
.hero{margin:0 0 1.75rem}
.hero figcaption{margin:.5rem 0 0;color:var(--muted);font-size:.85rem;line-height:1.6}.hero .credit{margin-left:.5rem;opacity:.85}
.toc{margin:0 0 2rem;padding:1rem 1.25rem;background:var(--soft);border-radius:.5rem;font-size:.95rem;line-height:1.6}
.toc h2{font-size:.9rem;margin:0 0 .5rem;color:var(--muted)}
.toc ol{margin:0;padding:0;list-style:none;counter-reset:toc}.toc li{counter-increment:toc;margin:.2rem 0}
.toc li::before{content:counters(toc,".") ". ";color:var(--muted);font-variant-numeric:tabular-nums}
.toc ol ol{margin:.15rem 0 .15rem 1.25rem}.toc a{color:var(--fg);text-decoration:none}.toc a:hover{text-decoration:underline}
.body{font-size:1.0625rem}.lede{margin:0 0 1.2rem;font-size:1.0625rem}
.body a{color:var(--link);text-decoration:underline;text-decoration-thickness:.06em;text-underline-offset:.2em}
.body a:hover{text-decoration-thickness:.12em}
.body b,.body strong{font-weight:700}
.body [style*="color"]:not(a){text-decoration:none}.body a[style*="color"]{text-decoration:underline}
.body h2{font-size:1.4rem;line-height:1.45;margin:2.25rem 0 .75rem}
.body h3{font-size:1.18rem;line-height:1.5;margin:1.75rem 0 .5rem}
.body h4,.body h5,.body h6{font-size:1.05rem;margin:1.5rem 0 .5rem}
.body p{margin:0 0 1.2rem}
.body img{position:relative;max-width:100%;height:auto;border-radius:.375rem;color:transparent;font-size:0}
.body figure{margin:1.5rem 0}.body figcaption{color:var(--muted);font-size:.875rem;margin-top:.4rem}
.body blockquote{margin:1.5rem 0;padding:.25rem 0 .25rem 1rem;border-left:3px solid var(--accent);color:var(--fg2)}
.body pre{overflow-x:auto;padding:1rem;background:var(--code);border-radius:.375rem;font-size:.9rem;line-height:1.5}
.body code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.body table{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse;margin:1.5rem 0;font-size:.95rem;font-variant-numeric:tabular-nums}
.body th,.body td{border:1px solid var(--line);padding:.4rem .7rem;text-align:start;vertical-align:top}
.body th{background:var(--soft)}
.body iframe,.body video{max-width:100%}
.body :target{scroll-margin-top:1rem}
.story-foot{margin-top:2.5rem;display:grid;gap:1.75rem}
.story-foot h2{font-size:1rem;margin:0 0 .6rem}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}
.tags li{border:1px solid var(--line);border-radius:999px;padding:.05rem .8rem;font-size:.85rem}.tags a{color:var(--fg2);text-decoration:none}
.versions ul,.related ul,.latest ul{list-style:none;margin:0;padding:0}
.versions li,.related li,.latest li{padding:.55rem 0;border-top:1px solid var(--line);line-height:1.55}
.related a,.latest a{color:var(--fg);font-weight:600;text-decoration:none}.related a:hover,.latest a:hover{text-decoration:underline}
.related h2 a{color:var(--fg)}
.related time,.latest time{display:block;color:var(--muted);font-size:.8rem}
.prev-next{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,14rem),1fr));gap:.75rem}
.prev-next a{display:block;padding:.8rem 1rem;border:1px solid var(--line);border-radius:.5rem;text-decoration:none;color:var(--fg)}
.prev-next a[rel=next]{text-align:end}
.prev-next .label{display:block;color:var(--muted);font-size:.8rem}.prev-next .title{font-weight:600;line-height:1.5}
.listing-title{font-size:1.6rem;margin:0 0 1.5rem}.listing-description{margin:-1rem 0 1.5rem;color:var(--muted)}
.cards,.block-cards,.rail ol{list-style:none;padding:0;margin:0}
.cards{display:grid;gap:1.5rem}.cards>li{padding-bottom:1.5rem;border-bottom:1px solid var(--line)}
.card{display:grid;grid-template-columns:minmax(0,1fr);gap:.7rem;align-content:start}.card>.media{order:-1}
@media (min-width:40rem){.cards .card{grid-template-columns:13rem minmax(0,1fr);gap:1.25rem}.cards .card>.media{grid-area:1/1}.cards .card>.card-text{grid-area:1/2}}
.card .kicker{font-size:.8rem;margin:0 0 .2rem}
.card :is(h2,h3){font-size:1.2rem;line-height:1.45;margin:0 0 .35rem}.card :is(h2,h3) a,.lead-title a,.section-block h2 a{color:var(--fg);text-decoration:none}.card :is(h2,h3) a:hover,.lead-title a:hover,.section-block h2 a:hover{text-decoration:underline}
.type-card{aspect-ratio:16/9;container-type:inline-size;display:flex;flex-direction:column;justify-content:flex-end;gap:.25rem;padding:.9rem 1rem;background:linear-gradient(135deg,var(--soft),color-mix(in srgb,var(--accent) 16%,var(--soft)));border-left:4px solid var(--accent)}
.type-kicker{font-size:clamp(.65rem,4.5cqi,.9rem);font-weight:700;color:var(--muted);letter-spacing:.02em}
.type-title{font-size:clamp(1rem,11cqi,2.6rem);font-weight:800;line-height:1.3;letter-spacing:-.02em;color:var(--accent);display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.front-top{display:grid;gap:1.75rem;padding-bottom:1.75rem;border-bottom:2px solid var(--fg)}
.lead-picture{display:block;margin:0 0 1rem;text-decoration:none}.lead .kicker{margin-bottom:.3rem}
.lead-title{font-size:clamp(1.55rem,4.6vw,2.35rem);line-height:1.3;letter-spacing:-.025em;margin:0 0 .6rem}
.lead .standfirst{font-size:1.05rem;margin:0 0 .5rem;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.lead .date,.rail .date{margin:0;color:var(--muted);font-size:.8rem}
.rail h2,.section-block h2{font-size:1.1rem;margin:0 0 .4rem;padding-bottom:.4rem;border-bottom:2px solid var(--fg)}
.rail li{padding:.8rem 0;border-bottom:1px solid var(--line)}.rail li:last-child{border-bottom:0}
.rail .card :is(h2,h3),.block-more :is(h2,h3){font-size:1.02rem;line-height:1.5;margin:0 0 .2rem}
.latest-more{padding:1.5rem 0;border-bottom:1px solid var(--line)}
.latest-more .block-cards{display:grid;gap:1rem 1.25rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,13rem),1fr))}
@media (max-width:39.99rem){.latest-more .card{grid-template-columns:minmax(0,1fr) 6.5rem;gap:1rem}.latest-more .card>.media{order:0}.latest-more .type-card{padding:.4rem .5rem}.latest-more li+li{border-top:1px solid var(--line);padding-top:1rem}}.latest-more .card :is(h2,h3){font-size:1.02rem}
.front-sections{display:grid;gap:2rem;padding-top:1.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,21rem),1fr))}
.section-block .block-cards>li+li{border-top:1px solid var(--line);padding-top:.7rem;margin-top:.7rem}.block-first{margin-top:.6rem}
.section-block .more{margin:.8rem 0 0;font-size:.85rem;font-weight:700}.section-block .more a{color:var(--muted)}
@media (min-width:64rem){.front-top{grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2.5rem}.rail{border-left:1px solid var(--line);padding-left:2rem}}
.card .excerpt{margin:0 0 .35rem;color:var(--fg2);font-size:.95rem;line-height:1.65;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.card .date{margin:0;color:var(--muted);font-size:.8rem}
.pagination{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin:2rem 0 0}
.pagination a{padding:.5rem .75rem;border:1px solid var(--line);border-radius:.375rem;text-decoration:none}
.search{display:flex;gap:.5rem;margin:0 0 1.5rem}.search input{flex:1;min-width:0;font:inherit;padding:.45rem .7rem;border:1px solid var(--line);border-radius:.375rem;background:var(--bg);color:var(--fg)}
.search button{font:inherit;padding:.45rem 1rem;border:1px solid var(--accent);border-radius:.375rem;background:var(--accent);color:var(--bg)}.search-order{font-size:.9rem;color:var(--muted)}
.error{text-align:center;padding:3rem 0 1.5rem}.error .search{max-width:28rem;margin:1.5rem auto}.error code{display:block;margin-top:2rem;font-size:.8rem;color:var(--muted);white-space:pre-wrap;text-align:start}
.latest h2{font-size:1.05rem;margin:0 0 .6rem}
@media (prefers-color-scheme:dark){.body [style*="color"]{color:inherit!important;background-color:transparent!important}}
@media print{.langs,.skip,.toc,footer.site,.prev-next,.related,.sections,.site-search{display:none}body{font-size:11pt;color:#000;background:#fff}main{max-width:none;padding:0}
a{color:inherit}.body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;word-break:break-all}h2,h3{break-after:avoid}img{break-inside:avoid}}
`.replace(/\n/g, '')

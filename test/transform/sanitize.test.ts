import { describe, expect, it } from 'vitest'
import { parseBody } from '../../src/parse/body'
import { isSafeUrl, safeStyle, sanitize } from '../../src/transform/sanitize'
import { serialize } from '../../src/transform/serialize'

const clean = (html: string) => {
  const root = parseBody(html)
  sanitize(root)
  return serialize(root)
}

describe('sanitize', () => {
  it('keeps ordinary article markup', () => {
    const html =
      '<h2>제목</h2><p>본문 <b>굵게</b> <a href="https://example.com/a">링크</a></p><ul><li>하나</li></ul>'
    expect(clean(html)).toBe(html)
  })

  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    [
      '<img src="https://x.example/a.png" onerror="alert(1)">',
      '<img src="https://x.example/a.png">',
    ],
    ['<p onclick="alert(1)" onmouseover="x()">hi</p>', '<p>hi</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    [
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
      '<a>x</a>',
    ],
    ['<a href=" &#14;javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', '<a>x</a>'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">', '<img>'],
    ['<img srcset="https://ok.example/a.png 1x, javascript:alert(1) 2x">', '<img>'],
    ['<svg><script>alert(1)</script></svg><p>after</p>', '<p>after</p>'],
    ['<svg onload="alert(1)"><a xlink:href="javascript:alert(1)">x</a></svg>', ''],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
    ['<iframe src="https://evil.example" srcdoc="<script>alert(1)</script>"></iframe>', ''],
    ['<object data="x.swf"></object><embed src="x.swf">', ''],
    ['<form action="https://evil.example"><input name="q"><button>go</button></form>', ''],
    ['<base href="https://evil.example/"><p>x</p>', '<p>x</p>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example"><p>x</p>', '<p>x</p>'],
    ['<template><img src=x onerror=alert(1)></template>', ''],
    ['<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
    ['<!-- <img src=x onerror=alert(1)> --><p>x</p>', '<p>x</p>'],
    ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
    ['<p style="color: red; position: fixed; top: 0">x</p>', '<p style="color: red">x</p>'],
    ['<p style="color: expression(alert(1))">x</p>', '<p>x</p>'],
    ['<p style="color:\\72 ed">x</p>', '<p>x</p>'],
    ['<div id="location" name="cookie" class="evil">x</div>', '<div>x</div>'],
    ['<p><b>unclosed <i>nesting</p>', '<p><b>unclosed <i>nesting</i></b></p>'],
    ['<blink><marquee>old</marquee>text</blink>', 'text'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ''],
    // Attribute names in any case are judged, and written, in lowercase; the first of duplicates wins.
    ['<a HREF="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a HREF="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    [
      '<a HREF="&amp;#106;avascript:alert(1)">x</a>',
      '<a href="&amp;#106;avascript:alert(1)">x</a>',
    ],
    [
      '<a Href="java&amp;Tab;script:alert(1)">x</a>',
      '<a href="java&amp;Tab;script:alert(1)">x</a>',
    ],
    [
      '<a HREF="javascript&amp;colon;alert(1)">x</a>',
      '<a href="javascript&amp;colon;alert(1)">x</a>',
    ],
    [
      '<a href="https://ok.example/" HREF="javascript:alert(1)">x</a>',
      '<a href="https://ok.example/">x</a>',
    ],
    ['<a HREF="javascript:alert(1)" href="https://ok.example/">x</a>', '<a>x</a>'],
    [
      '<IMG SRC="https://x.example/a.png" ONERROR="alert(1)">',
      '<img src="https://x.example/a.png">',
    ],
    ['<p STYLE="position:fixed;top:0;left:0;width:100%;height:100%">x</p>', '<p>x</p>'],
    ['<p Style="background:url(https://track.example/p.gif)">x</p>', '<p>x</p>'],
    ['<p STYLE="color: red">x</p>', '<p style="color: red">x</p>'],
    ['<p style="color: red &amp; position: fixed">x</p>', '<p>x</p>'],
    // Values are written back escaped, so a browser reads exactly what was judged.
    [
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">x</p>',
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">x</p>',
    ],
    ['<p title="a &amp;amp; b">x &amp;amp; y</p>', '<p title="a &amp;amp; b">x &amp;amp; y</p>'],
  ])('neutralizes %s', (input, expected) => {
    expect(clean(input)).toBe(expected)
  })

  it('keeps inline images as raster data URLs only', () => {
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=">',
    )
  })

  it('keeps only language classes on code', () => {
    expect(clean('<pre><code class="language-ts">x</code></pre>')).toBe(
      '<pre><code class="language-ts">x</code></pre>',
    )
    expect(clean('<code class="hidden">x</code>')).toBe('<code>x</code>')
  })
})

describe('isSafeUrl', () => {
  it.each([
    'https://a.example',
    'http://a.example',
    '/ko/x',
    'x.html',
    '#id',
    'mailto:a@b.example',
    '//cdn.example/a',
  ])('allows %s', (url) => {
    expect(isSafeUrl('href', url)).toBe(true)
  })
  it.each([
    'javascript:x',
    ' java\nscript:x',
    'data:text/html,x',
    'file:///etc/passwd',
    '\\\\evil.example\\x',
  ])('refuses %s', (url) => {
    expect(isSafeUrl('href', url)).toBe(false)
  })
})

describe('safeStyle', () => {
  it('keeps colours and emphasis, drops the rest', () => {
    expect(safeStyle('color: #1a5490; font-weight: bold; width: 9999px')).toBe(
      'color: #1a5490; font-weight: bold',
    )
    expect(safeStyle('color: red /* */; background: url(x)')).toBe('')
  })
})

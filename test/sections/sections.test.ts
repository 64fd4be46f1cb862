import { describe, expect, it } from 'vitest'
import { parseSections, sectionIndex } from '../../src/sections/sections'
import { siteSections } from '../../src/sections/site'

const YAML = `
- key: world
  name: { ko: 국제, en: World }
  aliases: [International, 국제뉴스]
  description: { ko: 세계 소식 }
- key: news
  name: { ko: 뉴스, en: News }
  aliases: [News, 뉴스]
`

describe('sections', () => {
  it('the bundled content/sections.yml maps every spelling of a section to one key', () => {
    const sections = siteSections()
    for (const spelling of ['News', '뉴스', 'news', 'NEWS', 'ニュース'])
      expect(sections.find(spelling)?.key).toBe('news')
    expect(sections.label('News', 'ko')).toEqual({
      key: 'news',
      name: '뉴스',
      href: '/ko/category/news',
    })
  })

  it('names a section in the page language, keeps navigation order, and leaves unknown labels as written', () => {
    const sections = sectionIndex(parseSections(YAML))
    expect(sections.all.map((s) => s.key)).toEqual(['world', 'news'])
    expect(sections.label('International', 'ko').name).toBe('국제')
    expect(sections.label('international', 'en').name).toBe('World')
    // A language without a name of its own shows the key rather than nothing.
    expect(sections.label('국제', 'ja').name).toBe('world')
    expect(sections.label('Gardening', 'ko')).toEqual({
      name: 'Gardening',
      href: '/ko/category/Gardening',
    })
    expect(sections.labelKeys(sections.find('news')!, 'ko').sort()).toEqual(['news', '뉴스'])
  })

  it('refuses a bad file with the file, line and key', () => {
    expect(() => parseSections('- key: World News\n  name: { ko: 국제 }\n')).toThrow(
      /content\/sections\.yml:1: 0\.key: expected lower-case/,
    )
    expect(() => parseSections('- key: news\n  name: { ko: 뉴스 }\n  colour: red\n')).toThrow(
      /sections\.yml:\d*:? ?0.*colour/,
    )
    expect(() =>
      parseSections(
        '- key: news\n  name: { ko: 뉴스 }\n- key: world\n  name: { ko: 국제 }\n  aliases: [News]\n',
      ),
    ).toThrow('"News" names both section "news" and section "world"')
    expect(() => parseSections('- key: [\n')).toThrow(/sections\.yml:\d+: invalid YAML/)
  })
})

/** Profile files: what a publisher writes, and the place of each mistake (file, line, key). */
import { describe, expect, it } from 'vitest'
import { parseProfile } from '../../src/authors/parse'
import { AppError } from '../../src/errors'

const refusal = (text: string, file = 'authors/kim.yml') => {
  try {
    parseProfile(text, file)
  } catch (error) {
    if (error instanceof AppError) return error.describe()
    throw error
  }
  throw new Error('accepted')
}

describe('author profiles', () => {
  it('take one text for all languages or one per language, and the id from the file name', () => {
    const profile = parseProfile(
      'name: { ko: 김민지, en: Kim Min-ji }\ntitle: Reporter\nsameAs: [https://x.com/minji]\n',
      'authors/kim-minji.yml',
    )
    expect(profile).toEqual({
      id: 'kim-minji',
      name: { ko: '김민지', en: 'Kim Min-ji' },
      title: 'Reporter',
      sameAs: ['https://x.com/minji'],
    })
  })

  it('name the line and key of a mistake', () => {
    expect(refusal('name: 김\nsameAs:\n  - https://x.com/a\n  - not a url\n')).toBe(
      'authors/kim.yml:4 → sameAs.1: expected an absolute http(s) URL',
    )
    expect(refusal('name: 김\nemail: nope\n')).toMatch(
      /^authors\/kim\.yml:2 → email: expected an email/,
    )
    expect(refusal('title: 기자\n')).toBe('authors/kim.yml:1 → name: this key is required')
    expect(refusal('name: 김\n\nphone: 010\n')).toMatch(
      /^authors\/kim\.yml:3 → phone: unknown key phone/,
    )
    expect(refusal('name:\n  ko: 김\n  EN: Kim\n')).toBe(
      'authors/kim.yml:3 → name.EN: expected a language tag such as ko or en as the key',
    )
    expect(refusal('name: 42\n')).toBe(
      'authors/kim.yml:1 → name: expected a text, or a map of language: text (ko: …, en: …)',
    )
    expect(refusal('name: [unclosed\n')).toMatch(/^authors\/kim\.yml:\d+: invalid YAML/)
  })

  it('take their id from a file name that is one', () => {
    expect(refusal('name: 김\n', 'authors/Kim Min.yml')).toMatch(
      /^authors\/Kim Min\.yml: the file name is the profile id/,
    )
  })
})

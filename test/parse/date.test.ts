import { describe, expect, it } from 'vitest'
import { dateFromFileName, parseDate, toZonedIso } from '../../src/parse/date'

const iso = (value: string, zone = 'Asia/Seoul') => {
  const date = parseDate(value, zone)
  return date && toZonedIso(date, zone)
}

describe('dates', () => {
  it.each([
    ['2024-06-19', '2024-06-19T00:00:00+09:00'],
    ['2024-06-19 10:30', '2024-06-19T10:30:00+09:00'],
    ['2024-06-19 10:30:00 +0900', '2024-06-19T10:30:00+09:00'],
    ['2024-06-19 01:30:00 +0000', '2024-06-19T10:30:00+09:00'],
    ['2024-06-19T10:30:00Z', '2024-06-19T19:30:00+09:00'],
    ['2024-06-19T10:30:00.250-05:00', '2024-06-20T00:30:00+09:00'],
  ])('reads %s in Seoul time', (input, expected) => {
    expect(iso(input)).toBe(expected)
  })

  it('follows daylight saving time in other zones', () => {
    expect(iso('2024-07-01 12:00', 'America/New_York')).toBe('2024-07-01T12:00:00-04:00')
    expect(iso('2024-01-01 12:00', 'America/New_York')).toBe('2024-01-01T12:00:00-05:00')
  })

  it.each(['2024-13-01', '2024-02-30', 'yesterday', '19/06/2024', '2024-06-19 25:00'])(
    'refuses %s',
    (input) => {
      expect(parseDate(input, 'Asia/Seoul')).toBeNull()
    },
  )

  it('reads the Jekyll file-name date', () => {
    expect(dateFromFileName('ko/2024-06-20-seoul-heatwave.md')).toBe('2024-06-20')
    expect(dateFromFileName('ko/putin-kim-pact.html')).toBeNull()
  })
})

/**
 * The failed-login limit blocks a client, not only its wrong guesses: once tripped, the right token
 * from the same client is refused too for the rest of the window. It keys on the address the
 * platform gives; on a loopback dev server, where CF-Connecting-IP is the client's to choose, every
 * request is the same client.
 */
import { describe, expect, it } from 'vitest'
import { client } from '../helpers/request'

const TOKEN = 'admin-limit-token-0123456789'

describe('the admin limiter', () => {
  it('refuses the right token from a client that tripped it', async () => {
    const api = client('https://admin-limit.example', { ADMIN_TOKEN: TOKEN })
    const from = (authorization: string) =>
      api.call('/admin/articles', {
        headers: { authorization, 'cf-connecting-ip': '192.0.2.44' },
      })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await from('Bearer wrong')).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    const right = await from(`Bearer ${TOKEN}`)
    expect(right.status).toBe(429)
    expect(right.header('retry-after')).toBe('60')
  })

  it('on a loopback dev server, ignores a CF-Connecting-IP the client made up', async () => {
    const api = client('http://127.0.0.1:8787', { ADMIN_TOKEN: TOKEN })
    const statuses: number[] = []
    for (let i = 1; i <= 6; i++)
      statuses.push(
        (
          await api.call('/admin/articles', {
            headers: { authorization: 'Bearer wrong', 'cf-connecting-ip': `198.51.100.${i}` },
          })
        ).status,
      )
    expect(statuses.slice(5)).toEqual([429])
  })
})

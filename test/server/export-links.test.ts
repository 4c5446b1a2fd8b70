// Photo links in exports: built from the configured PUBLIC_URL, never from the request's Host
// (which whoever sends the request chooses); without PUBLIC_URL, the path as plain text.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../src/server/config.js'
import type { SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }

async function photoCell(body: Buffer): Promise<unknown> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(body as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  const header = (sheet?.getRow(1).values ?? []) as unknown[]
  const column = header.findIndex((value) => typeof value === 'string' && value.endsWith('（照片）') && value.startsWith('消防通道'))
  return sheet?.getRow(2).getCell(column).value
}

async function serverWithPhoto(dialect: 'sqlite' | 'postgres', overrides: Partial<Config>): Promise<{ server: TestServer; photo: string }> {
  const server = await startServer(dialect, overrides)
  const school1 = await server.login('school1', 'school123')
  const png = tinyPng(5, 6, 7)
  const photo = sha256(png)
  await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${photo}`, headers: { ...bearer(school1), 'content-type': 'image/png' }, payload: png })
  const envelope = fireSafetyEnvelope({ answers: { ...passingAnswers(), exits: { result: 'pass', photos: [photo] } }, attachments: [photo] })
  const filed = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [envelope] } })
  expect((filed.json().results as SubmitResult[])[0]?.status).toBe('accepted')
  return { server, photo }
}

describe.each(dialects)('export links (%s)', (dialect) => {
  describe('with PUBLIC_URL', () => {
    let server: TestServer
    let photo: string
    let bureau: string

    beforeAll(async () => {
      ;({ server, photo } = await serverWithPhoto(dialect, { publicUrl: 'https://report.example.cn/sr', trustProxy: true }))
      bureau = await server.login('bureau', 'bureau123')
    }, 60_000)
    afterAll(() => server.close())

    it('links point at PUBLIC_URL whatever Host and X-Forwarded-Host the request names', async () => {
      const url = `https://report.example.cn/sr/api/v1/attachments/${photo}`
      const xlsx = await server.app.inject({ url: '/api/v1/exports/fire-safety.xlsx', headers: { ...bearer(bureau), ...forged } })
      expect(xlsx.statusCode).toBe(200)
      expect(await photoCell(xlsx.rawPayload)).toEqual({ text: url, hyperlink: url })
      const csv = await server.app.inject({ url: '/api/v1/exports/fire-safety.csv', headers: { ...bearer(bureau), ...forged } })
      expect(csv.body).toContain(url)
      expect(csv.body).not.toContain('evil.example')
    })
  })

  describe('without PUBLIC_URL', () => {
    let server: TestServer
    let photo: string
    let bureau: string

    beforeAll(async () => {
      ;({ server, photo } = await serverWithPhoto(dialect, { publicUrl: undefined }))
      bureau = await server.login('bureau', 'bureau123')
    }, 60_000)
    afterAll(() => server.close())

    it('a photo is named by its path as plain text: no link to whatever host the request named', async () => {
      const path = `/api/v1/attachments/${photo}`
      const xlsx = await server.app.inject({ url: '/api/v1/exports/fire-safety.xlsx', headers: { ...bearer(bureau), ...forged } })
      expect(await photoCell(xlsx.rawPayload)).toBe(path)
      const csv = await server.app.inject({ url: '/api/v1/exports/fire-safety.csv', headers: { ...bearer(bureau), ...forged } })
      expect(csv.body).toContain(path)
      expect(csv.body).not.toContain('evil.example')
    })
  })
})

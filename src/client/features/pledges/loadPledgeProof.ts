import type { PledgeContent } from '../../../core/pledges.js'
import { stores } from '../../appServices.js'
import { getBlob } from '../../offline/blobStore.js'
import { getRecord } from '../../offline/outbox.js'
import { fetchImageUrl, fetchPledgeRecord } from './pledgesApi.js'
import { readCachedPledges } from './pledgeCache.js'

/** Everything the proof page shows, from the server when it answers, else from this phone. */
export type PledgeProof = {
  readonly source: 'server' | 'phone'
  readonly pledge: PledgeContent & { readonly id: string; readonly textHash: string }
  readonly signerName: string
  readonly schoolName: string | null
  /** The hash the signer's phone sent (as stored by the server, or as kept here). */
  readonly textHash: string
  /** The server's own check of its stored text against textHash; null when read from the phone. */
  readonly serverTextMatches: boolean | null
  readonly signedAt: string
  readonly receivedAt: string | null
  readonly digest: string | null
  readonly signatureUrl: string | null
}

export type ProofOutcome = { readonly kind: 'ok'; readonly proof: PledgeProof } | { readonly kind: 'not_found' | 'unauthorized' }

async function fromPhone(versionId: string, signatureId: string): Promise<PledgeProof | null> {
  const record = await getRecord(stores, signatureId)
  const pledge = (await readCachedPledges(stores)).find((candidate) => candidate.id === versionId)
  if (!record || !pledge || record.subjectId !== versionId) return null
  const signature = record.answers['signature']
  const blob = typeof signature === 'string' ? await getBlob(stores, signature) : { kind: 'missing' as const }
  return {
    source: 'phone',
    pledge,
    signerName: String(record.answers['signerName'] ?? ''),
    schoolName: null,
    textHash: String(record.answers['textHash'] ?? ''),
    serverTextMatches: null,
    signedAt: record.completedAt ?? record.updatedAt,
    receivedAt: record.receipt?.receivedAt ?? null,
    digest: record.receipt?.digest ?? null,
    signatureUrl: blob.kind === 'ok' ? URL.createObjectURL(new Blob([blob.blob.bytes], { type: blob.blob.type })) : null,
  }
}

/**
 * The proof of one signing. The server's record is the authority (and the only source for the
 * bureau); with no signal, a signing made on this phone is shown from what the phone kept.
 */
export async function loadPledgeProof(token: string | null, versionId: string, signatureId: string): Promise<ProofOutcome> {
  const remote = token === null ? ({ kind: 'network' } as const) : await fetchPledgeRecord(token, versionId, signatureId)
  if (remote.kind === 'ok') {
    const { pledge, signature } = remote.value
    return {
      kind: 'ok',
      proof: {
        source: 'server',
        pledge,
        signerName: signature.signerName,
        schoolName: signature.schoolName,
        textHash: signature.textHash,
        serverTextMatches: signature.textHashMatches,
        signedAt: signature.signedAt,
        receivedAt: signature.receivedAt,
        digest: signature.digest,
        signatureUrl: token === null ? null : await fetchImageUrl(token, signature.signatureSha256),
      },
    }
  }
  // Not (yet) on the server, or no signal: what this phone signed and kept.
  const local = await fromPhone(versionId, signatureId)
  if (local) return { kind: 'ok', proof: local }
  return { kind: remote.kind === 'unauthorized' ? 'unauthorized' : 'not_found' }
}

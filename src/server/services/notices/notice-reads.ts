import type { Kysely } from 'kysely'
import type { NoticeReadsResponse } from '../../../core/noticeProtocol.js'
import type { Database } from '../../db/schema.js'

/** Every target school of a notice the caller may see, with who read it and when. */
export async function noticeReads(db: Kysely<Database>, noticeId: string): Promise<NoticeReadsResponse> {
  const schools = await db
    .selectFrom('notice_targets')
    .innerJoin('schools', 'schools.id', 'notice_targets.school_id')
    .select(['schools.id', 'schools.name'])
    .where('notice_targets.notice_id', '=', noticeId)
    .orderBy('schools.id')
    .execute()
  const reads = await db
    .selectFrom('notice_reads')
    .innerJoin('users', 'users.id', 'notice_reads.user_id')
    .select(['notice_reads.school_id', 'notice_reads.user_id', 'users.display_name', 'notice_reads.read_at', 'notice_reads.received_at'])
    .where('notice_reads.notice_id', '=', noticeId)
    .orderBy('notice_reads.read_at')
    .execute()
  return {
    noticeId,
    schools: schools.map((school) => ({
      schoolId: school.id,
      schoolName: school.name,
      readers: reads
        .filter((read) => read.school_id === school.id)
        .map((read) => ({ userId: read.user_id, displayName: read.display_name, readAt: read.read_at, receivedAt: read.received_at })),
    })),
  }
}

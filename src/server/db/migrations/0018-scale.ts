import type { Kysely } from 'kysely'

/**
 * The hazard board sorted by school (issue 16): a district's schools in name order, each school's
 * hazards then read from hazards_school_deadline (school_id, deadline, id), so a page walks two
 * indexes in the order asked for instead of sorting every hazard of the district by its school's name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('schools_district_name').on('schools').columns(['district_id', 'name', 'id']).execute()
  // With a status asked for (open, overdue), each school's hazards of that status by deadline: without
  // it SQLite takes (status, deadline) and reads the whole county's open hazards once per school.
  await db.schema.createIndex('hazards_school_status_deadline').on('hazards').columns(['school_id', 'status', 'deadline', 'id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hazards_school_status_deadline').execute()
  await db.schema.dropIndex('schools_district_name').execute()
}

import type { Field, FormTemplate } from '../../../../src/core/index.js'

export const label = (en: string) => ({ zh: `中文${en}`, en })

/** A bus checklist using the three constructs: a condition on boarders, a repeat per bus, calculations. */
export const busForm: FormTemplate = {
  id: 'bus-test',
  version: 1,
  kind: 'inspection',
  title: label('Bus test'),
  sections: [
    {
      id: 'info',
      title: label('Info'),
      fields: [
        { id: 'checkType', type: 'choice', required: true, label: label('How'), options: [{ value: 'self', label: label('Self') }, { value: 'mutual', label: label('Mutual') }, { value: 'bureau', label: label('Bureau') }] },
        { id: 'boarders', type: 'choice', required: true, label: label('Boarders'), options: [{ value: 'yes', label: label('Yes') }, { value: 'no', label: label('No') }] },
        { id: 'pupils', type: 'integer', min: 0, label: label('Pupils') },
      ],
    },
    {
      id: 'buses',
      title: label('Buses'),
      repeat: { min: 1, max: 5, label: { zh: '校车', en: 'Bus' } },
      fields: [
        { id: 'plate', type: 'text', required: true, label: label('Plate') },
        { id: 'seats', type: 'integer', required: true, min: 1, label: label('Seats') },
        { id: 'belts', type: 'check', label: label('Belts') },
        { id: 'beltNote', type: 'text', required: true, label: label('Why'), relevant: { op: 'selected', field: 'belts', value: 'fail' } },
        { id: 'perSeat', type: 'calculate', label: label('Pupils per seat'), expression: { op: 'round', digits: 2, arg: { op: '/', args: [{ field: 'pupils' }, { field: 'seats' }] } } },
      ],
    },
    {
      id: 'totals',
      title: label('Totals'),
      fields: [
        { id: 'busCount', type: 'calculate', label: label('Buses'), expression: { op: 'count', repeat: 'buses' } },
        { id: 'seatTotal', type: 'calculate', label: label('Seats'), expression: { op: 'sum', repeat: 'buses', field: 'seats' } },
        { id: 'bigFleet', type: 'text', label: label('Fleet note'), relevant: { op: 'count', repeat: 'buses', cmp: 'gte', value: 3 } },
      ],
    },
    {
      id: 'dorm',
      title: label('Dormitory'),
      relevant: { op: 'eq', field: 'boarders', value: 'yes' },
      fields: [
        { id: 'dormGuard', type: 'check', required: true, label: label('Night guard') },
        { id: 'opened', type: 'date', label: label('Opened') },
        { id: 'checked', type: 'date', label: label('Checked') },
        { id: 'days', type: 'calculate', label: label('Days'), expression: { op: 'daysBetween', from: 'opened', to: 'checked' } },
      ],
    },
  ],
}

export function bus(plate: string, seats: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { plate, seats, ...extra }
}

export function field(partial: Partial<Field> & Pick<Field, 'type'>): Field {
  return { id: 'f', label: label('F'), ...partial } as Field
}

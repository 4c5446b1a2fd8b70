import type { AdminSchoolsResponse } from '../../../../core/protocol.js'
import { useApiData } from '../useApiData.js'

/** A district's name for an id such as district-1 (the administration screens name districts, never show their ids). */
export function useDistrictNames(): { districts: () => readonly { readonly id: string; readonly name: string }[]; districtName: (id: string) => string | undefined } {
  const list = useApiData<AdminSchoolsResponse>(() => '/admin/schools')
  const districts = () => list.data.value?.districts ?? []
  return { districts, districtName: (id) => districts().find((district) => district.id === id)?.name }
}

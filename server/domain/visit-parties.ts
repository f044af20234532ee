import { cityOf } from './scope'

/** Who visited where, as an inspection or a service visit record keeps it: the company (its county and city), the department, the officer. */
export function visitParties(
  company: { _id: string; name: string; region: string },
  dept: { _id: string; name: string; region: string },
  officer: { _id: string; name: string },
) {
  return {
    companyId: company._id,
    companyName: company.name,
    deptId: dept._id,
    deptName: dept.name,
    deptRegion: dept.region,
    region: company.region,
    city: cityOf(company.region),
    officerIds: [officer._id],
    officerNames: [officer.name],
  }
}

import type { Company, CompanyAtGate, Department, Officer, User } from '@contract'
import type { UserRecord } from '../platform/context'
import type { CompanyRecord, DepartmentRecord, OfficerRecord } from '../domain/records'

/** Stored records → the shapes answers carry (`_id` becomes `id`; storage-only fields stay home). */

export function toUserView(user: UserRecord): User {
  return {
    id: user._id,
    roles: user.roles,
    name: user.name,
    ...(user.deptId ? { deptId: user.deptId } : {}),
    ...(user.companyId ? { companyId: user.companyId } : {}),
    ...(user.region ? { region: user.region } : {}),
    ...(user.officerId ? { officerId: user.officerId } : {}),
  }
}

export function toDepartmentView(d: DepartmentRecord): Department {
  return { id: d._id, name: d.name, region: d.region, field: d.field, createdAt: d.createdAt, updatedAt: d.updatedAt }
}

export function toCompanyView(c: CompanyRecord): Company {
  return {
    id: c._id,
    uscc: c.uscc,
    name: c.name,
    region: c.region,
    address: c.address,
    location: { lat: c.location.lat, lng: c.location.lng },
    inPark: c.inPark,
    ...(c.parkName ? { parkName: c.parkName } : {}),
    scale: c.scale,
    monitoringPoint: c.monitoringPoint,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }
}

/** The company without its registered location, for officers at the gate (SPEC §6). */
export function toCompanyAtGate(c: CompanyRecord): CompanyAtGate {
  const { location: _hidden, ...rest } = toCompanyView(c)
  return rest
}

export function toOfficerView(o: OfficerRecord): Officer {
  return {
    id: o._id,
    deptId: o.deptId,
    name: o.name,
    certNo: o.certNo,
    certExpiresAt: o.certExpiresAt,
    certStatus: o.certStatus,
    ...(o.certStatusReason ? { certStatusReason: o.certStatusReason } : {}),
    ...(o.userId ? { userId: o.userId } : {}),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  }
}

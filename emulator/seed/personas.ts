import type { Role } from '@contract'
import { DEMO_IDS } from './demo-roster'

/**
 * The demo users, one per role, with fixed openids for the dev role switcher
 * (`POST /api/dev/login { openid }`) and for tests:
 *
 *   demo-officer-1          张伟, 赣州市市场监督管理局 (officer off_001)
 *   demo-officer-2          李娜, same department (off_002) — the second officer of a team
 *   demo-officer-3          王强, 赣州市应急管理局 (off_004)
 *   demo-enterprise-1       contact of co_0001: in 赣州经济技术开发区, a monitoring point
 *   demo-enterprise-2       contact of co_0002: outside any park, 章贡区
 *   demo-deptadmin-1        刘洋, admin of 赣州市市场监督管理局
 *   demo-supervisor-city    陈静, 赣州市司法局, region 3607 (the whole city)
 *   demo-supervisor-county  杨帆, 章贡区司法局, region 360702
 *   demo-admin              系统管理员 (admin role stored on the user)
 */

export interface DemoPersona {
  openid: string
  name: string
  roles: Role[]
  /** What the role switcher shows. */
  label: string
  deptId?: string
  companyId?: string
  region?: string
  officerId?: string
}

export const DEMO_PERSONAS: DemoPersona[] = [
  {
    openid: 'demo-officer-1',
    name: '张伟',
    roles: ['officer'],
    label: '执法人员 张伟（市场监管局）',
    deptId: DEMO_IDS.cityMarketDept,
    officerId: DEMO_IDS.officer1,
  },
  {
    openid: 'demo-officer-2',
    name: '李娜',
    roles: ['officer'],
    label: '执法人员 李娜（市场监管局，同组第二人）',
    deptId: DEMO_IDS.cityMarketDept,
    officerId: DEMO_IDS.officer2,
  },
  {
    openid: 'demo-officer-3',
    name: '王强',
    roles: ['officer'],
    label: '执法人员 王强（应急管理局）',
    deptId: DEMO_IDS.cityEmergencyDept,
    officerId: DEMO_IDS.officer3,
  },
  { openid: 'demo-enterprise-1', name: '周敏', roles: ['enterprise'], label: '企业联系人 周敏（园区企业·监测点）', companyId: DEMO_IDS.parkMonitoringCompany },
  { openid: 'demo-enterprise-2', name: '吴刚', roles: ['enterprise'], label: '企业联系人 吴刚（非园区企业）', companyId: DEMO_IDS.townCompany },
  { openid: 'demo-deptadmin-1', name: '刘洋', roles: ['deptAdmin'], label: '执法单位管理员 刘洋（市场监管局）', deptId: DEMO_IDS.cityMarketDept },
  { openid: 'demo-supervisor-city', name: '陈静', roles: ['supervisor'], label: '监督人员 陈静（市司法局·全市）', region: '3607' },
  { openid: 'demo-supervisor-county', name: '杨帆', roles: ['supervisor'], label: '监督人员 杨帆（章贡区司法局）', region: '360702' },
  { openid: 'demo-admin', name: '系统管理员', roles: ['admin'], label: '系统管理员' },
]

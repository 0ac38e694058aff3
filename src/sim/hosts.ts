/**
 * The Excels the simulator can be: each a requirement-set level, a platform and the behaviours that
 * differ between them. The levels are Microsoft's table of which Excel supports which ExcelApi set
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * Office 2019 stops at ExcelApi 1.8 at the latest (its volume-licensed build at 1.7), Office 2021
 * at 1.14, Office 2024 at 1.17; Microsoft 365 and Excel on the web have everything. What every
 * profile shares (Excel's limits, the 512-merged-area failure, index-addressed collection items) is
 * Excel's and lives with the API it concerns.
 */

export const HOST_PROFILE_IDS = ['latest', 'excel2021', 'excel2019', 'web'] as const;
export type HostProfileId = (typeof HOST_PROFILE_IDS)[number];

export interface HostProfile {
  id: HostProfileId;
  /** The Excel it stands for, as a user would name it. */
  label: string;
  excelApi: string;
  platform: 'PC' | 'OfficeOnline';
  /**
   * What one request may send or receive, in bytes of JSON; Infinity on the desktop. "Excel on the
   * web has a payload size limit for requests and responses of 5MB"
   * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
   */
  payloadLimit: number;
}

const MB5 = 5 * 1024 * 1024;

export const HOST_PROFILES: Readonly<Record<HostProfileId, HostProfile>> = {
  latest: {
    id: 'latest',
    label: 'Microsoft 365 / Office 2024 (desktop)',
    excelApi: '1.17',
    platform: 'PC',
    payloadLimit: Infinity,
  },
  excel2021: {
    id: 'excel2021',
    label: 'Office 2021 (desktop, ExcelApi 1.14)',
    excelApi: '1.14',
    platform: 'PC',
    payloadLimit: Infinity,
  },
  excel2019: {
    id: 'excel2019',
    label: 'Office 2019 (desktop, ExcelApi 1.8)',
    excelApi: '1.8',
    platform: 'PC',
    payloadLimit: Infinity,
  },
  web: {
    id: 'web',
    label: 'Excel on the web',
    excelApi: '1.17',
    platform: 'OfficeOnline',
    payloadLimit: MB5,
  },
};

export function isHostProfileId(id: unknown): id is HostProfileId {
  return typeof id === 'string' && (HOST_PROFILE_IDS as readonly string[]).includes(id);
}

let defaultProfile: HostProfileId = 'latest';

/**
 * The profile a `new SimWorkbook()` emulates when none is given. Test projects set it once (jest's
 * setup file per profile) so that the same suites run against every Excel.
 */
export function setDefaultHostProfile(id: HostProfileId): void {
  defaultProfile = id;
}

export function defaultHostProfile(): HostProfileId {
  return defaultProfile;
}

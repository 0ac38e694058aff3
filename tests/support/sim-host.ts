/**
 * Jest setup for the adapter suites run once per host profile (jest.config.js): every
 * `new SimWorkbook()` of the test file emulates the profile the project names in `globals.SIM_HOST`.
 */

import { isHostProfileId, setDefaultHostProfile } from '../../src/sim';

const host: unknown = (globalThis as { SIM_HOST?: unknown }).SIM_HOST;
if (isHostProfileId(host)) setDefaultHostProfile(host);

/** Test projects: unit (rules, no database), integration (handlers through the emulator),
 *  cloud (the deployed bundles with the real wx-server-sdk on Node 16 against the local cloud,
 *  emulator/cloud-wire: the journeys below again, plus tests/cloud), weapp (the weapp build
 *  through WeChat's compilers and the runtime stand-in), e2e (H5 build in Chromium),
 *  devtools (miniprogram-automator; only with WECHAT_DEVTOOLS_CLI). */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } },
]
const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@contract$': '<rootDir>/types/index.ts',
    '^@rule-words$': '<rootDir>/types/rule-words.ts',
    '^@server/(.*)$': '<rootDir>/server/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  testEnvironment: 'node',
  // CI machines have 2 cores: a test that waits on the emulator gets 30 s, not jest's 5.
  testTimeout: 30_000,
}
/** Integration journeys that also run through the local cloud (tests/helpers/cloud.ts). */
const CLOUD_JOURNEYS = ['account', 'inspection', 'enterprise', 'supervision-figures', 'scheduler', 'messages', 'service-visit-ratings']
module.exports = {
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'cloud',
      setupFiles: ['<rootDir>/tests/cloud/setup.ts'],
      testMatch: ['<rootDir>/tests/cloud/**/*.test.ts', ...CLOUD_JOURNEYS.map((f) => `<rootDir>/tests/integration/${f}.test.ts`)],
    },
    { ...shared, displayName: 'weapp', testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    { ...shared, displayName: 'devtools', testMatch: ['<rootDir>/tests/devtools/**/*.test.ts'] },
  ],
}

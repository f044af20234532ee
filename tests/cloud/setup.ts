// The `cloud` jest project: startTestEmulator() answers with the local cloud and the real SDK.
process.env.CLOUD_WIRE = '1'
jest.setTimeout(60_000)

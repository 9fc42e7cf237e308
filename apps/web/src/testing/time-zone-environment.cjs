/**
 * jsdom for specs that must run in another time zone than the machine's: the docblock option
 * `@jest-environment-options {"timeZone": "Europe/Copenhagen"}` sets TZ for this test file only
 * (a spec cannot: jest gives it a copy of process.env, and Node reads the real one).
 */
const JsdomEnvironment = require('jest-environment-jsdom').default;

class TimeZoneEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    this.timeZone = config.projectConfig.testEnvironmentOptions?.timeZone;
  }

  async setup() {
    await super.setup();
    this.previous = process.env.TZ;
    if (this.timeZone) process.env.TZ = this.timeZone;
  }

  async teardown() {
    if (this.previous === undefined) delete process.env.TZ;
    else process.env.TZ = this.previous;
    await super.teardown();
  }
}

module.exports = TimeZoneEnvironment;

/**
 * An invalid configuration, named by the key it got wrong. Apart from config.ts so that the command
 * line can tell this error from others without loading the schema library that config.ts needs.
 */
export class ConfigError extends Error {}

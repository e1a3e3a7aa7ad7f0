/** Importing this module adds the engine's English words (see ./index.ts). */
import { registerLocale } from './index';
import enUS from './en-US.json';

registerLocale('en-US', enUS);

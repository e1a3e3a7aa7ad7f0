// The tests expect the command line's default language, Chinese: an English system locale on a
// developer's machine (LANG=en_US.UTF-8) would switch it (src/cli/words.ts systemLocale).
for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG'])
  if (/^en/i.test(process.env[k] ?? '')) process.env[k] = 'C.UTF-8';

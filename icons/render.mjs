// Renders the app icons ("Py" on a rounded blue square) to PNG with Debian's Chromium: the
// favicon index.html links (a PNG: Chrome draws an SVG favicon on the page's main thread while
// the page loads) and the manifest's icons. Run once after changing icon.svg: `node icons/render.mjs`; the PNGs are
// committed. The maskable one fills its square (the launcher crops it), the text within the
// central 80 % safe zone.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');
const maskable = svg.replace(/ rx="7"/, '').replace(/font-size="16"/, 'font-size="12"').replace(/y="22"/, 'y="20.2"');
const icons = [
  ['favicon-32.png', 32, svg],
  ['icon-192.png', 192, svg],
  ['icon-512.png', 512, svg],
  ['maskable-512.png', 512, maskable],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const [name, size, source] of icons) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
    await page.screenshot({ path: join(here, name), omitBackground: true });
    console.log(name);
  }
} finally {
  await browser.close();
}

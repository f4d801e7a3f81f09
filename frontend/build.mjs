// Copies the NL Design System CSS from node_modules into Django's static files.
// The target folder is gitignored: it is built by the setup (`npm ci && npm run build`).
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "src", "mijnservices", "static", "nlds");

// Source file in node_modules -> file name under static/nlds/.
const files = {
  "@utrecht/component-library-css/dist/index.css": "utrecht-components.css",
  "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css": "voorbeeld-theme.css",
};

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const [source, name] of Object.entries(files)) {
  const from = join(here, "node_modules", source);
  if (!existsSync(from)) {
    console.error(`Missing ${from}: run \`npm ci\` in frontend/ first.`);
    process.exit(1);
  }
  copyFileSync(from, join(target, name));
  console.log(`copied ${source} -> static/nlds/${name}`);
}

// Copies the distributable files of each front-end dependency into wwwroot/lib, so the app serves them itself.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const copies = [
  ["node_modules/bootstrap/dist/css/bootstrap.min.css", "wwwroot/lib/bootstrap/css/bootstrap.min.css"],
  ["node_modules/bootstrap/dist/css/bootstrap.min.css.map", "wwwroot/lib/bootstrap/css/bootstrap.min.css.map"],
  ["node_modules/bootstrap/dist/js/bootstrap.bundle.min.js", "wwwroot/lib/bootstrap/js/bootstrap.bundle.min.js"],
  ["node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map", "wwwroot/lib/bootstrap/js/bootstrap.bundle.min.js.map"],
  ["node_modules/bootstrap/LICENSE", "wwwroot/lib/bootstrap/LICENSE"],
  ["node_modules/quill/dist/quill.js", "wwwroot/lib/quill/quill.js"],
  ["node_modules/quill/dist/quill.js.LICENSE.txt", "wwwroot/lib/quill/quill.js.LICENSE.txt"],
  ["node_modules/quill/dist/quill.snow.css", "wwwroot/lib/quill/quill.snow.css"],
  ["node_modules/quill/LICENSE", "wwwroot/lib/quill/LICENSE"],
  ["node_modules/chart.js/dist/chart.umd.min.js", "wwwroot/lib/chart.js/chart.umd.min.js"],
  ["node_modules/chart.js/LICENSE.md", "wwwroot/lib/chart.js/LICENSE.md"],
];

for (const library of ["bootstrap", "quill", "chart.js"]) {
  rmSync(`wwwroot/lib/${library}`, { recursive: true, force: true });
}
for (const [from, to] of copies) {
  mkdirSync(to.substring(0, to.lastIndexOf("/")), { recursive: true });
  cpSync(from, to);
}
console.log(`vendored ${copies.length} files`);

// Builds the web console (web/console/) into dist/console/: one JavaScript bundle
// (esbuild: TypeScript modules, the typed API client and uPlot, minified), one style
// sheet (ours and uPlot's), the page, and the land outline of the site map. Run by
// `npm run build` and by `npm start` when a console source changed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { feature } from 'topojson-client';

const root = join(import.meta.dirname, '..');
const source = join(root, 'web', 'console');
const out = join(root, 'dist', 'console');
const require = createRequire(import.meta.url);

mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(source, 'main.ts')],
  outfile: join(out, 'console.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

const css = [
  readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  readFileSync(join(source, 'console.css'), 'utf8'),
].join('\n');
writeFileSync(join(out, 'console.css'), css);
writeFileSync(join(out, 'index.html'), readFileSync(join(source, 'index.html'), 'utf8'));

// Natural Earth's 1:110m land as rings of [lon, lat] rounded to 0.1°: the map's
// background without a tile server (about 40 kB, fetched by the fleet page only).
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8'));
const land = feature(topology, topology.objects.land);
const rings = [];
for (const f of land.type === 'FeatureCollection' ? land.features : [land]) {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const polygon of polygons)
    for (const ring of polygon)
      rings.push(ring.map(([lon, lat]) => [Math.round(lon * 10) / 10, Math.round(lat * 10) / 10]));
}
writeFileSync(join(out, 'land.json'), JSON.stringify(rings));

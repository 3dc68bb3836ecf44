import { defineConfig } from 'vite';

// One SPA for /operate and /modeler: assets live under /operate/assets and both mounts load the
// same index.html. The bundle goes straight into the jar's classes folder (see pom.xml).
export default defineConfig({
  base: '/operate/',
  build: {
    outDir: 'target/classes/io/orderhub/operate/ui',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false
  },
  server: {
    proxy: { '/v2': 'http://localhost:8080' }
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node'
  }
});

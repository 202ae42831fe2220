import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverOrigin = process.env.ROCKETHUB_SERVER_URL ?? 'http://localhost:3000';
const proxiedPaths = ['/api', '/auth', '/platform', '/health', '/ready', '/docs'];

export default defineConfig({
  base: '/app/',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'ui', test: /node_modules[\\/](radix-ui|@radix-ui|@floating-ui|lucide-react|react-remove-scroll.*|aria-hidden)[\\/]/ },
            // Only the message panel (loaded when a conversation opens) renders Markdown.
            { name: 'markdown', test: /node_modules[\\/](marked|dompurify)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      ...Object.fromEntries(proxiedPaths.map((path) => [path, { target: serverOrigin, changeOrigin: false }])),
      '/cable': { target: serverOrigin.replace(/^http/, 'ws'), ws: true },
    },
  },
});

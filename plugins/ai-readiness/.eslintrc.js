module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Browser tests run in Node under Playwright Test, not in the app:
      // Node's modules are theirs to use, and Playwright's fixtures take a
      // `use` callback that is no React hook.
      files: ['e2e/**'],
      rules: {
        'no-restricted-imports': 'off',
        'react-hooks/rules-of-hooks': 'off',
      },
    },
  ],
});

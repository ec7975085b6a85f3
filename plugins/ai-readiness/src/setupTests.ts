import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages render the whole app shell; on a shared 2-core CI machine running
// several jest workers, the first render can take longer than the library's
// default 1 s wait for `findBy…`. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

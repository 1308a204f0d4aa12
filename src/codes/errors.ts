import { defineErrors } from '../kernel/errors.js';

/**
 * Validation never throws (it returns issues); these are for callers who pass arguments the library
 * cannot work with at all, such as a generator asked for an authority the standard does not define.
 */
export const CodesErrors = defineErrors({
  CODES_INVALID_ARGUMENT: {
    status: 500,
    zh: '代码库参数不合法：{detail}',
    en: 'Invalid argument to the identifier library: {detail}',
  },
});

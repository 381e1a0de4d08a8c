/**
 * The patterns of the STS model (botocore sts/2011-06-15, sts-iam.md §2.2), printed exactly as
 * AWS prints them, with JavaScript regexes of the same meaning. Java's `\w` is ASCII, as is
 * JavaScript's without the `u` flag. The ARN pattern's `\u10000-\u10FFFF` is, to Java, `\u1000`,
 * `0`, the range `0`–`\u10FF` and `FF`: no supplementary characters, so a character outside the
 * BMP fails it (observed on AWS) — as it does here, where such a character is a surrogate pair.
 */
import type { MemberPattern } from './member-constraint.ts';

export const ARN_PATTERN: MemberPattern = {
  printed: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  regex: /^[\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD]+$/,
};

export const ROLE_SESSION_NAME_PATTERN: MemberPattern = { printed: '[\\w+=,.@-]*', regex: /^[\w+=,.@-]*$/ };

export const EXTERNAL_ID_PATTERN: MemberPattern = { printed: '[\\w+=,.@:\\/-]*', regex: /^[\w+=,.@:/-]*$/ };

export const SERIAL_NUMBER_PATTERN: MemberPattern = { printed: '[\\w+=/:,.@-]*', regex: /^[\w+=/:,.@-]*$/ };

export const TOKEN_CODE_PATTERN: MemberPattern = { printed: '[\\d]*', regex: /^\d*$/ };

export const SOURCE_IDENTITY_PATTERN: MemberPattern = { printed: '[\\w+=,.@-]*', regex: /^[\w+=,.@-]*$/ };

export const SESSION_POLICY_PATTERN: MemberPattern = {
  printed: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
  regex: /^[\t\n\r\u0020-\u00FF]+$/,
};

export const TAG_KEY_PATTERN: MemberPattern = { printed: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u };

export const TAG_VALUE_PATTERN: MemberPattern = { printed: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u };

/**
 * Compiles one operator/key pair of a Condition block (§3) into a value test, once, when the
 * policy is stored. Rejects operators §3 does not define (`Invalid Condition type : X`) and
 * IpAddress values that are not CIDR blocks (`Invalid IP address in Conditions`). Numeric and
 * date values are not rejected (AWS's behaviour there is not pinned down); one that does not
 * parse is simply never satisfied.
 */
import type { ConditionNode } from '../policy-ast.ts';
import { type PolicyDialect, policyFault } from '../policy-dialect.ts';
import { compileArnTest } from './arn-test.ts';
import { compileBinaryTest } from './binary-test.ts';
import { compileBoolTest } from './bool-test.ts';
import { type ConditionOperator, parseConditionOperator } from './condition-operator.ts';
import { compileIpTest } from './ip-test.ts';
import { compileDateTest, compileNumericTest } from './ordered-test.ts';
import { type CidrBlock, parseCidr } from './parse-ip-address.ts';
import { compileStringTest } from './string-test.ts';
import type { ValueTest } from './value-test.ts';

export interface CompiledCondition {
  readonly node: ConditionNode;
  readonly operator: ConditionOperator;
  readonly keyLower: string;
  /** The positive test of one request value (unused for Null). */
  readonly test: ValueTest;
  /** Null: which presence states the values accept (`"true"` → absent, `"false"` → present). */
  readonly nullAcceptsAbsent: boolean;
  readonly nullAcceptsPresent: boolean;
}

export interface ConditionCompileOptions {
  dialect: PolicyDialect;
  /** The document is 2012-10-17: `${…}` in string and ARN values is a variable (§4). */
  variables: boolean;
}

const NEVER: ValueTest = () => false;

export function compileCondition(node: ConditionNode, options: ConditionCompileOptions): CompiledCondition {
  const operator = parseConditionOperator(node.operator);
  if (operator === undefined) throw policyFault(options.dialect, 'invalid-condition-type', node.operator);
  const lower = node.values.map((v) => v.toLowerCase());
  return {
    node,
    operator,
    keyLower: node.key.toLowerCase(),
    test: operator.family === 'null' ? NEVER : compileTest(node, operator, options),
    nullAcceptsAbsent: operator.family === 'null' && lower.includes('true'),
    nullAcceptsPresent: operator.family === 'null' && lower.includes('false'),
  };
}

function compileTest(node: ConditionNode, operator: ConditionOperator, options: ConditionCompileOptions): ValueTest {
  const { values } = node;
  const variables = options.variables;
  switch (operator.family) {
    case 'string':
      return compileStringTest(values, 'exact', { variables });
    case 'string-ignore-case':
      return compileStringTest(values, 'ignore-case', { variables });
    case 'string-like':
      return compileStringTest(values, 'like', { variables });
    case 'arn':
      return compileArnTest(values, { variables });
    case 'numeric':
      return compileNumericTest(values, operator.comparison);
    case 'date':
      return compileDateTest(values, operator.comparison);
    case 'bool':
      return compileBoolTest(values);
    case 'binary':
      return compileBinaryTest(values);
    case 'ip':
      return compileIpTest(values.map((v) => parseCidr(v) ?? invalidIp(options.dialect)));
    case 'null':
      return NEVER;
  }
}

function invalidIp(dialect: PolicyDialect): CidrBlock {
  throw policyFault(dialect, 'invalid-ip');
}

"""Parse errors in PowerShell's own words, and their conversion to `errors.ParseError`.

Message texts and ids are PowerShell's (PS: src/System.Management.Automation/resources/
ParserStrings.resx).  Inside the grammar a definite error is raised as `SyntaxFail`, which is not
a pyparsing exception, so no alternative can backtrack over it; `parse()` converts it once.
"""

from __future__ import annotations

import re

from pscompat.errors import IncompleteInputError, ParseError
from pscompat.source import Source, Span

MESSAGES = {
    "MissingEndCurlyBrace": "Missing closing '}}' in statement block or type definition.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
    "MissingEndSquareBracket": "Missing ']' after array index expression.",
    "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
    "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
    "UnexpectedCharactersAfterHereStringHeader": "No characters are allowed after a here-string header but before the end of the line.",
    "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
    "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
    "MissingExpressionAfterToken": "Missing expression after '{0}'.",
    "MissingExpression": "Missing expression after '{0}' in pipeline element.",
    "ExpectedExpression": "An expression was expected after '('.",
    "MissingColonInTernaryExpression": "Missing ':' in the ternary expression.",
    "MissingPropertyName": "Missing property name after reference operator.",
    "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "EmptyPipelineChainElement": "A pipeline chain operator must be followed by a pipeline.",
    "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
    "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
    "UnexpectedAttribute": "Unexpected attribute '{0}'.",
    "MissingFileSpecification": "Missing file specification after redirection operator.",
    "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
    "ParameterRequiresArgument": "Parameter {0} requires an argument.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
    "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
    "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
    "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
    "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
    "MissingVariableNameAfterForeach": "Missing variable name after foreach. The correct form is: foreach ($a in $b) {{...}}",
    "MissingInInForeach": "Missing 'in' after variable in foreach loop. The correct form is: foreach ($a in $b) {{...}}",
    "MissingForeachExpression": "Missing expression in foreach loop. The correct form is: foreach ($a in $b) {{...}}",
    "MissingEndParenthesisAfterForeach": "Missing closing ')' after expression part of foreach loop. The correct form is: foreach ($a in $b) {{...}}",
    "MissingForeachStatement": "Missing statement body in foreach loop. The correct form is: foreach ($a in $b) {{...}}",
    "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
    "MissingLoopStatement": "Missing statement body in {0} loop.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "MissingEndParenthesisInSwitchStatement": "Missing ')' after expression in switch statement.",
    "MissingCurlyBraceInSwitchStatement": "Missing '{{' in switch statement.",
    "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
    "MissingFilenameOption": "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
    "MissingNameAfterKeyword": "Missing name after {0} keyword.",
    # class / enum / using (about_Classes, about_Enum; PS: Parser.cs ClassDefinitionRule)
    "MissingUsingStatementDirective": "Missing using directive",
    "MissingUsingItemName": "Missing using name",
    "IncompleteMemberDefinition": "Missing a property name or method definition.",
    "MemberAlreadyDefined": "The member '{0}' is already defined.",
    "MethodHasCodePathNotReturn": "Not all code path returns value within method.",
    "VoidMethodHasReturn": "Invalid return statement within void method.",
    "MissingTypeBody": "Missing '{0}' body in '{0}' declaration.",
    "EnumeratorValueOutOfBounds": "Enumerator value is either too large or too small for {0}.",
    "MissingMethodParameterList": "Missing '(' in class method parameter list.",
    "MissingBaseCtorCall": "Missing 'base' after ':' in a base class constructor call.",
    "ConstructorCantHaveReturnType": "A constructor cannot specify a return type.",
    "NonVoidMethodMissingReturnValue": "Invalid return statement within non-void method.",
    "NamedBlockNotAllowedInMethod": "A named block is not allowed in a class method.",
    "ParamBlockNotAllowedInMethod": "A param block is not allowed in a class method.",
    "StaticConstructorCantHaveParameters": "A static constructor cannot have any parameters.",
    "TypeNameExpected": "Type name expected.",
    "TooManyTypes": "Only one type may be specified on class members.",
    "DuplicateQualifier": "Duplicate '{0}' qualifier",
    "UsingMustBeAtStartOfScript": "A 'using' statement must appear before any other statements in a script.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
    "MissingStatementBlockForDataSection": "The Data section is missing its statement block.",
    "ReservedKeywordNotAllowed": "The '{0}' keyword is not supported in this version of the language.",
    "InvalidLeftHandSide": "The assignment expression is not valid. The input to an assignment operator must be an object that is able "
    "to accept assignments, such as a variable or a property.",
    "OperatorRequiresVariableOrProperty": "The '{0}' operator works only on variables or on properties.",
    "PipelineValueRequired": "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
    "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
    "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
    "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
    "InvalidUnicodeEscapeSequence": "The Unicode escape sequence is not valid. A valid sequence is `u{{ followed by one to six hex digits "
    "and a closing '}}'.",
    "TooManyDigitsInUnicodeEscapeSequence": "The Unicode escape sequence contains more than the maximum of six hex digits between braces.",
    "InvalidUnicodeEscapeSequenceValue": "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.",
    "MissingUnicodeEscapeSequenceTerminator": "The Unicode escape sequence is missing the closing '}}'.",
    "DuplicateFormalParameter": "Duplicate parameter ${0} in parameter list.",
    "ControlLeavingFinally": "Flow of control cannot leave a Finally block.",
    "InvalidParameterForDataSectionStatement": 'The "{0}" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.',
    "MissingValueForSupportedCommandInDataSectionStatement": "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.",
    "MissingTypeLiteralToken": "Missing type literal.",
    "SplattingNotPermitted": "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used "
    "only as an argument to a command. To reference variables in an expression use '${0}'.",
    "MissingArgument": "Missing argument in parameter list.",
    "MissingTrapStatement": "The 'trap' statement was incomplete. A trap statement requires a body.",
    "MissingNamedBlocks": "unexpected token '{0}', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.",
    "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
    "MissingTryStatementBlock": "The Try statement is missing its statement block.",
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
    "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
    "MissingTypename": "Missing type name after '['.",
    "EndSquareBracketExpectedAtEndOfType": "Missing ] at end of type token.",
    "InvalidVariableReference": "Variable reference is not valid. '$' was not followed by a valid variable name character. "
    "Consider using ${{}} to delimit the name.",
    "InvalidVariableReferenceWithDrive": "Variable reference is not valid. ':' was not followed by a valid variable name character. "
    "Consider using ${{}} to delimit the name.",
    "IncompleteDollarVariableReference": "${{variable}} reference starting is missing the closing '}}'.",
    "BadNumericConstant": "The numeric constant {0} is not valid.",
    "ScriptTooComplicated": "Processing was stopped because the script is too complex.",
}


class SyntaxFail(Exception):
    """A definite syntax error found while parsing.

    `at` is where the parser wanted more input; the error is an *incomplete input* error when
    nothing but blanks and comments follow `at`.  `span` is what pwsh underlines (for a missing
    closing brace: the opening one)."""

    def __init__(self, error_id: str, at: int, span: Span | None = None, args: tuple[object, ...] = ()) -> None:
        super().__init__(error_id)
        self.error_id = error_id
        self.at = at
        self.span = span or Span(at, at)
        self.args_ = args


# Atomic (?>...), so a token after many blanks costs one try, not one per split of the blanks.
_BLANK_TAIL = re.compile(r"(?>(?:\s+|`(?=\s|\Z)|<#[\s\S]*?(?:#>|\Z)|#[^\r\n]*)*)\Z")
# The token pwsh names in "Unexpected token '...'": a generic word, a variable, a string or one char.
_TOKEN_AT = re.compile(
    r"""[-\u2013\u2014\u2015]?[^\s(){};,|&'"$]+|\$\{[^}]*\}?|\$[\w?:]*|'[^']*'?|"[^"]*"?|&&|\|\||\S"""
)


def blank_from(text: str, pos: int) -> bool:
    """True when only whitespace, comments or a dangling backtick follow `pos`."""
    return _BLANK_TAIL.match(text, pos) is not None


def token_at(text: str, pos: int) -> str:
    match = _TOKEN_AT.match(text, pos)
    return match.group() if match else ""


def unexpected_token(text: str, pos: int) -> SyntaxFail:
    """pwsh's tokenizer reads a whole string before the parser sees it, so an unterminated
    string in an unexpected place reports the string, not the token."""
    token = token_at(text, pos)
    if token[:1] in "'\"" and (len(token) == 1 or token[-1] != token[0]):
        return SyntaxFail("TerminatorExpectedAtEndOfString", len(text), Span(pos, len(text)), (token[0],))
    return SyntaxFail("UnexpectedToken", pos, Span(pos, pos + len(token)), (token,))


def to_parse_error(fail: SyntaxFail, text: str, name: str) -> ParseError:
    message = MESSAGES[fail.error_id].format(*fail.args_)
    cls = IncompleteInputError if blank_from(text, fail.at) else ParseError
    return cls(message, fail.error_id, span=fail.span, source=Source(text, name))

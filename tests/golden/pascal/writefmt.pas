program writefmt(output);
var i: integer; b: boolean; c: char;
begin
  i := 42; b := true; c := 'z';
  writeln(i, '|', i:1, '|', i:5, '|', -i:5, '|', i:0);
  writeln(b, '|', b:8, '|', b:2, '|', false:7, '|', false);
  writeln(c, '|', c:4, '|', 'abc':6, '|', 'abcdef':3, '|', '':3, '|');
  writeln('it''s', ' ''q''');
  writeln(maxint, -maxint);
  writeln(12345678:3, 7:1);
  write('no newline');
  writeln;
  writeln
end.

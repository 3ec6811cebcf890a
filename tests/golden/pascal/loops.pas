program loops(output);
var i, j, s: integer; c: char;
begin
  s := 0;
  for i := 10 downto 1 do s := s + i;
  writeln(s);
  i := 0;
  repeat i := i + 3 until i > 20;
  writeln(i);
  i := 1; j := 0;
  while i < 1000 do begin i := i * 2; j := j + 1 end;
  writeln(i, j);
  for c := 'a' to 'j' do write(c);
  writeln;
  for c := 'z' downto 'u' do write(c);
  writeln;
  for i := 5 to 1 do writeln('never');
  s := 0;
  for i := 1 to 10 do for j := i to 10 do s := s + 1;
  writeln(s:4)
end.

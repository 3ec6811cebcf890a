program typescomments(output);
type int = integer; letters = 'a'..'z'; grid = array[1..3] of array[1..2] of int;
     flag = boolean;
var g: grid; l: letters; f: flag; i, j: int;
    counts: array[boolean] of integer;
function deep(n: integer): integer;
begin if n = 0 then deep := 0 else deep := 1 + deep(n - 1) end;
begin
  { comment (* nested *) still }
  (* star { brace } star *)
  for i := 1 to 3 do for j := 1 to 2 do g[i][j] := i * 10 + j;
  writeln(g[3, 2]:3, g[1][1]:3);
  l := 'q'; writeln(l, ord(l):4);
  f := not true; writeln(f);
  counts[true] := 3; counts[false] := 4; writeln(counts[false] * counts[true]:3);
  for f := false to true do write(f:6); writeln;
  writeln(deep(100000));
  writeln(succ('a'), pred('z'), chr(65));
  writeln('a':3, 'bc':1, '':2, 'x');
  i := 7; j := -2;
  writeln(i div j, -i div 2, (-i) div 2, i mod 3);
  writeln(maxint div 2 * 2 + 1 = maxint);
  writeln(abs(-5), sqr(-5), odd(-7), ord('A') - ord('a'));
end.

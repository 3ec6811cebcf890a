program booleans(output);
var p, q: boolean; i: integer;
function check(x: integer; var count: integer): boolean;
begin count := count + 1; check := x > 0 end;
begin
  for i := 0 to 3 do begin
    p := odd(i); q := i > 1;
    writeln(p:6, q:6, (p and q):6, (p or q):6, (not p):6, (p = q):6, (p <> q):6, (p < q):6)
  end;
  i := 0;
  if check(0, i) and check(1, i) then writeln('both');
  if check(1, i) or check(1, i) then writeln('either');
  writeln('calls: ', i:1);
  writeln(true > false, not (1 > 2))
end.

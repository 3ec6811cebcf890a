program staticlinks(output);
var depth: integer;
procedure a(n: integer);
var va: integer;
  procedure b(m: integer);
  var vb: integer;
    procedure c;
    begin
      va := va + 1; vb := vb + 10;
      writeln('c sees n=', n:1, ' m=', m:1, ' va=', va:1, ' vb=', vb:1)
    end;
  begin
    vb := m;
    c;
    if m > 0 then b(m - 1)
    else if n > 0 then a(n - 1);
    c
  end;
begin
  va := n * 100;
  b(1);
  depth := depth + 1
end;
begin
  depth := 0;
  a(2);
  writeln('depth ', depth:1)
end.

program collatz(output);
var i, best, bestlen, len, x: integer;
begin
  best := 0; bestlen := 0;
  for i := 1 to 3000 do begin
    x := i; len := 1;
    while x <> 1 do begin
      if odd(x) then x := 3 * x + 1 else x := x div 2;
      len := len + 1
    end;
    if len > bestlen then begin best := i; bestlen := len end
  end;
  writeln(best:1, ' ', bestlen:1)
end.

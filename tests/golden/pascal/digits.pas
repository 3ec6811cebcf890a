program digits(input, output);
var n, sum, rev: integer;
procedure writebinary(n: integer);
begin
  if n > 1 then writebinary(n div 2);
  write(n mod 2:1)
end;
begin
  read(n);
  while n >= 0 do begin
    sum := 0; rev := 0;
    writebinary(n);
    write(' ');
    while n > 0 do begin
      sum := sum + n mod 10;
      rev := rev * 10 + n mod 10;
      n := n div 10
    end;
    writeln(sum:4, rev:8);
    read(n)
  end
end.

program gcd(input, output);
var a, b: integer;
function gcd(a, b: integer): integer;
begin
  while b <> 0 do begin
    a := a mod b;
    if a = 0 then begin a := b; b := 0 end
    else begin b := b mod a; if b = 0 then b := 0 end
  end;
  gcd := a
end;
begin
  while not eof do begin
    readln(a, b);
    writeln('gcd(', a:1, ', ', b:1, ') = ', gcd(a, b):1)
  end
end.

program sieve(output);
const n = 200;
var prime: array[2..n] of boolean;
    i, j, count: integer;
begin
  for i := 2 to n do prime[i] := true;
  for i := 2 to n do
    if prime[i] then begin
      j := i * i;
      while j <= n do begin prime[j] := false; j := j + i end
    end;
  count := 0;
  for i := 2 to n do
    if prime[i] then begin
      write(i:5);
      count := count + 1;
      if count mod 10 = 0 then writeln
    end;
  writeln;
  writeln('primes below ', n:1, ': ', count:1)
end.

program p(output);
begin
  writeln('hello);
  writeln('ok')
end.

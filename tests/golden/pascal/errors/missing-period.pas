program p(output);
begin
  writeln('no period')
end
